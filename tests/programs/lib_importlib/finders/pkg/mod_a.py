def f(): return 'mod_a.f'
