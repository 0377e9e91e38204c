# argparse: positionals, options, types, choices, defaults, subcommands, mutually exclusive groups, help and usage text, errors (exit 2 on stderr)
import argparse, sys, io, contextlib

p = argparse.ArgumentParser(prog='tool', description='A small tool.', epilog='Bye.')
p.add_argument('files', nargs='*', help='input files')
p.add_argument('-n', '--count', type=int, default=3, help='how many (default: %(default)s)')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('--mode', choices=['fast', 'slow'], default='fast')
p.add_argument('--tag', action='append', dest='tags')
p.add_argument('--flag', action='store_true')
p.add_argument('--no-color', dest='color', action='store_false')
g = p.add_mutually_exclusive_group()
g.add_argument('--json', action='store_true')
g.add_argument('--csv', action='store_true')
print(p.parse_args(['a.txt', 'b.txt', '-n', '7', '-vv', '--tag', 'x', '--tag=y', '--flag', '--json']))
print(p.parse_args([]))
ns, rest = p.parse_known_args(['--mode', 'slow', '--unknown', 'z'])
print(ns.mode, rest)
print(p.format_usage(), end='')
print(p.format_help(), end='')

for bad in [['-n', 'x'], ['--mode', 'medium'], ['--json', '--csv'], ['--count']]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            p.parse_args(bad)
        except SystemExit as e:
            print('exit', e.code)
    print(err.getvalue().splitlines()[-1])

top = argparse.ArgumentParser(prog='git')
sub = top.add_subparsers(dest='cmd', required=True)
c = sub.add_parser('commit', help='record changes')
c.add_argument('-m', '--message', required=True)
c.add_argument('--amend', action='store_true')
push = sub.add_parser('push')
push.add_argument('remote', nargs='?', default='origin')
push.set_defaults(func=lambda a: 'pushing to ' + a.remote)
print(top.parse_args(['commit', '-m', 'msg']))
a = top.parse_args(['push'])
print(a.func(a))
print(top.format_help(), end='')

fp = argparse.ArgumentParser(prog='f', fromfile_prefix_chars='@', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
fp.add_argument('--size', type=float, default=1.5, help='the size')
fp.add_argument('pair', nargs=2)
fp.add_argument('--point', nargs=2, metavar=('X', 'Y'), type=int)
print(fp.parse_args(['1', '2', '--size', '2.25', '--point', '3', '4']))
print(fp.format_help(), end='')
