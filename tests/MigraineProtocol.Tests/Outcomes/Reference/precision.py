# Cross-check of precision.R at 50 significant digits with mpmath (python3 -m pip install mpmath).
# Run: python3 tests/MigraineProtocol.Tests/Outcomes/Reference/precision.py
# Clopper-Pearson upper bound: the p with P(Bin(n, p) <= x) = alpha/2, the binomial sum evaluated exactly
# (Newton from a gamma start). Student t: the CDF through 2F1, the quantile by Newton. The values printed
# are pinned in PrecisionTests (ClopperPearsonUpperMatchesArbitraryPrecision, StudentTMatchesArbitraryPrecision).
import mpmath as mp, sys
mp.mp.dps = 50
def binom_cdf(x, n, p):
    return mp.fsum(mp.binomial(n, k) * p**k * (1-p)**(n-k) for k in range(x+1))
def cp_upper(x, n, level):
    a2 = (1 - mp.mpf(level)) / 2
    g = mp.findroot(lambda y: mp.gammainc(x+1, 0, y, regularized=True) - (1-a2), x+1)
    p = g/n
    for _ in range(100):
        f = binom_cdf(x, n, p) - a2
        d = -n * mp.binomial(n-1, x) * p**x * (1-p)**(n-1-x)
        step = f/d; p -= step
        if abs(step) < p * mp.mpf(10)**(-45): break
    return p
def pt(t, v):
    t = mp.mpf(t); v = mp.mpf(v)
    c = mp.exp(mp.loggamma((v+1)/2) - mp.loggamma(v/2)) / mp.sqrt(mp.pi*v)
    return mp.mpf(1)/2 + t*c*mp.hyp2f1(mp.mpf(1)/2, (v+1)/2, mp.mpf(3)/2, -t*t/v)
def qt(p, v):
    v = mp.mpf(v); p = mp.mpf(p)
    z = mp.sqrt(2)*mp.erfinv(2*p-1)
    t = z
    for _ in range(100):
        f = pt(t, v) - p
        d = mp.exp(mp.loggamma((v+1)/2) - mp.loggamma(v/2)) / mp.sqrt(mp.pi*v) * (1 + t*t/v)**(-(v+1)/2)
        step = f/d; t -= step
        if abs(step) < mp.mpf(10)**(-45): break
    return t
for x, n in [(0, 10**9), (1, 10**9), (5, 10**12), (0, 10**12)]:
    print("cpu", x, n, mp.nstr(cp_upper(x, n, '0.95'), 20))
for v in ['4e5','4.00001e5', '1e7', '1e12', '1e16']:
  print("qt", v, mp.nstr(qt('0.975', mp.mpf(v)), 20), "pt", mp.nstr(pt('1.96', mp.mpf(v)), 20))
