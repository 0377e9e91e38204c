# float.py — an n-body-style simulation in plain lists of floats: measures float
# arithmetic (boxing), list indexing and nested loops. No imports.
N = 120000  # small: 800

def energy(pos, vel, mass):
    n = len(mass)
    e = 0.0
    for i in range(n):
        vx, vy, vz = vel[i]
        e += 0.5 * mass[i] * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, n):
            dx = pos[i][0] - pos[j][0]
            dy = pos[i][1] - pos[j][1]
            dz = pos[i][2] - pos[j][2]
            e -= mass[i] * mass[j] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e

def advance(pos, vel, mass, dt, steps):
    n = len(mass)
    for _ in range(steps):
        for i in range(n):
            pi = pos[i]
            vi = vel[i]
            for j in range(i + 1, n):
                pj = pos[j]
                dx = pi[0] - pj[0]
                dy = pi[1] - pj[1]
                dz = pi[2] - pj[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                mi = mass[i] * mag
                mj = mass[j] * mag
                vj = vel[j]
                vi[0] -= dx * mj
                vi[1] -= dy * mj
                vi[2] -= dz * mj
                vj[0] += dx * mi
                vj[1] += dy * mi
                vj[2] += dz * mi
        for i in range(n):
            p = pos[i]
            v = vel[i]
            p[0] += dt * v[0]
            p[1] += dt * v[1]
            p[2] += dt * v[2]

pos = [[0.0, 0.0, 0.0], [4.84, -1.16, -0.10], [8.34, 4.12, -0.40], [12.89, -15.11, -0.22], [15.37, -25.91, 0.17]]
vel = [[0.0, 0.0, 0.0], [0.606, 2.81, -0.02], [-1.01, 1.82, 0.008], [1.08, 0.868, -0.01], [0.979, 0.594, -0.034]]
mass = [39.47, 0.037, 0.011, 0.0017, 0.002]
print(energy(pos, vel, mass))
advance(pos, vel, mass, 0.01, N)
print(energy(pos, vel, mass))
print(pos[1])
