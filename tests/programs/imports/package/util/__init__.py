counter = 1
counter += 1
print("util loaded once")
run_as_main = __name__ == "__main__"
