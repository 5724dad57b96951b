# Reference values for the precision goals of issue 13 (Clopper-Pearson up to n = 2^53, Student t for
# every df), computed with base R. Regenerate from the repository root with:
#   Rscript tests/MigraineProtocol.Tests/Outcomes/Reference/precision.R
# R 4.2.2 (Debian 12 r-base-core). Numbers are written with 17 significant digits. precision.py
# cross-checks a subset at 50 digits with mpmath (R and mpmath agree to about 1e-15 there).

dir <- "tests/MigraineProtocol.Tests/Outcomes/Reference"
g <- function(x) sprintf("%.17g", x)
write <- function(df, name) write.csv(df, file.path(dir, name), row.names = FALSE, quote = FALSE)

# 1. Clopper-Pearson bounds (binom.test's conf.int is qbeta(a/2, x, n-x+1), qbeta(1-a/2, x+1, n-x)) --
ns <- c(1e3, 1e6, 1e9, 1e12, 1e15, 2^53)
rows <- list()
for (n in ns) {
  xs <- unique(c(0, 1, 2, 5, 10, 100, 1000, floor(n / 1000), floor(n / 2), n - 100, n - 1, n))
  xs <- xs[xs >= 0 & xs <= n]
  for (level in c(0.95, 0.99)) {
    a <- 1 - level
    lower <- ifelse(xs == 0, 0, qbeta(a / 2, xs, n - xs + 1))
    upper <- ifelse(xs == n, 1, qbeta(1 - a / 2, xs + 1, n - xs))
    rows[[length(rows) + 1]] <- data.frame(x = g(xs), n = g(n), level = level, lower = g(lower), upper = g(upper))
  }
}
write(do.call(rbind, rows), "precision-clopper-pearson.csv")

# 2. Student t quantile and CDF at large degrees of freedom -----------------------------------
dfs <- c(3, 30, 1e3, 1e5, 4e5, 4.000001e5, 1e6, 6e7, 1e9, 1e12, 1e15, 1e16, 1e18, 1e20, 1e25, 1e300)
tq <- expand.grid(p = c(1e-10, 0.0005, 0.025, 0.1, 0.6, 0.95, 0.975, 0.995, 0.9999995), df = dfs)
write(data.frame(p = g(tq$p), df = g(tq$df), q = g(qt(tq$p, tq$df))), "precision-t-quantiles.csv")
tc <- expand.grid(t = c(-6, -1.96, -0.1, 0.3, 1.6448536269514722, 1.96, 2.5758293035489004, 5), df = dfs)
write(data.frame(t = g(tc$t), df = g(tc$df), p = g(pt(tc$t, tc$df))), "precision-t-cdf.csv")
# 3. A random sweep: beta CDF and quantile with shapes log-uniform in [0.05, 1e6] (x mostly near the
#    mean), t CDF and quantile with df log-uniform in [0.5, 1e9]. Seeded; beta CDF values below 1e-100
#    are left out (there R itself is only good to about 1e-12; see ADR 0070).
set.seed(13)
n <- 1000
a <- exp(runif(n, log(0.05), log(1e6))); b <- exp(runif(n, log(0.05), log(1e6)))
m <- a / (a + b)
x <- ifelse(runif(n) < 0.7, pmin(pmax(m * exp(rnorm(n, 0, 0.3)), 1e-300), 1 - 1e-16), runif(n))
pb <- pbeta(x, a, b)
keep <- pb > 1e-100 & pb < 1
pq <- runif(n)
df <- exp(runif(n, log(0.5), log(1e9))); tt <- rnorm(n) * 3; pp <- runif(n)
sweep <- rbind(
  data.frame(f = "pbeta", x = g(x), a = g(a), b = g(b), value = g(pb))[keep, ],
  data.frame(f = "qbeta", x = g(pq), a = g(a), b = g(b), value = g(qbeta(pq, a, b))),
  data.frame(f = "pt", x = g(tt), a = g(df), b = "", value = g(pt(tt, df))),
  data.frame(f = "qt", x = g(pp), a = g(df), b = "", value = g(qt(pp, df))))
write(sweep, "precision-sweep.csv")
cat("written", nrow(do.call(rbind, rows)), "CP rows,", nrow(tq), "t quantiles,", nrow(tc), "t CDF values\n")
