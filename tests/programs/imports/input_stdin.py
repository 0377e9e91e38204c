# input() and sys.stdin read the standard input (input_stdin.stdin).
import sys
name = input("name? ")
print("hello", name)
print(repr(sys.stdin.readline()))
n = int(input())
total = 0
for i in range(n):
    total += int(input())
print("total", total)
rest = sys.stdin.readlines()
print(rest)
try:
    input()
except EOFError as e:
    print("EOFError:", e)
