# exit('message') from the site builtin: the message goes to stderr and the status is 1
print('before')
exit('leaving with a message')
