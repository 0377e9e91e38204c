"""check_output.py PYTHON_OUTPUT < TRANSCRIPT — exit 0 if python3.11's output
of the program appears in the debugger transcript as a subsequence of its
lines, all of it when the transcript says the program finished, else at
least the lines printed before the session stopped (a prefix)."""
import sys

want = open(sys.argv[1]).read().splitlines()
transcript = sys.stdin.read().splitlines()
finished = "pvm debug: the program has finished" in transcript
i = 0
for line in transcript:
    if i < len(want) and line == want[i]:
        i += 1
if finished and i != len(want):
    print(f"  matched {i} of {len(want)} lines of python3.11's output")
    sys.exit(1)
sys.exit(0)
