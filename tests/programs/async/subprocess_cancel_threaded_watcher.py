# asyncio: a subprocess whose creation is cancelled, and one that runs, under the threaded child watcher (a thread in os.waitpid)
import asyncio, sys

BLOCKED = ["/bin/sleep", "30"]

async def cancel_creation():
    loop = asyncio.get_running_loop()
    task = loop.create_task(asyncio.create_subprocess_exec(*BLOCKED))
    loop.call_soon(task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        print("creation cancelled")

async def run_one():
    proc = await asyncio.create_subprocess_exec(
        "/bin/sh", "-c", "echo out; echo err 1>&2; exit 3",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate()
    print(out, err, proc.returncode)

async def kill_one():
    proc = await asyncio.create_subprocess_exec(*BLOCKED)
    proc.kill()
    print("killed:", await proc.wait())

async def main():
    await cancel_creation()
    await run_one()
    await kill_one()

asyncio.run(main())
