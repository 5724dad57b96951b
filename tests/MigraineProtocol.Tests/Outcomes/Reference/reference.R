# Reference values for the outcome statistics, computed with base R (stats package).
# Regenerate from the repository root with:
#   Rscript tests/MigraineProtocol.Tests/Outcomes/Reference/reference.R
# It writes the *.csv files next to this script; reference-output.txt is the console log of the run.
# R 4.2.2 (Debian 12 r-base-core). Numbers are written with 17 significant digits.

dir <- "tests/MigraineProtocol.Tests/Outcomes/Reference"
g <- function(x) sprintf("%.17g", x)
write <- function(df, name) write.csv(df, file.path(dir, name), row.names = FALSE, quote = FALSE)

# 1. Distribution functions ---------------------------------------------------------------
p <- c(1e-10, 1e-6, 0.0005, 0.005, 0.025, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.975, 0.995, 0.9995, 1 - 1e-6)
write(data.frame(p = g(p), q = g(qnorm(p))), "normal-quantiles.csv")

tgrid <- expand.grid(p = c(0.0005, 0.025, 0.05, 0.1, 0.4, 0.6, 0.9, 0.95, 0.975, 0.995, 0.9995),
                     df = c(1, 2, 3, 4.5, 7.25, 10, 29, 58.6, 100, 1000, 1e5, 999999))
write(data.frame(p = g(tgrid$p), df = g(tgrid$df), q = g(qt(tgrid$p, tgrid$df))), "t-quantiles.csv")

tcdf <- expand.grid(t = c(-12.5, -3, -1.96, -0.5, 0, 0.25, 1, 2.045, 4, 30), df = c(1, 2, 3.5, 10, 29, 250, 1e5))
write(data.frame(t = g(tcdf$t), df = g(tcdf$df), p = g(pt(tcdf$t, tcdf$df))), "t-cdf.csv")

bgrid <- rbind(
  expand.grid(x = c(0.001, 0.05, 0.2, 0.5, 0.8, 0.99), a = c(0.5, 1, 2.5, 10, 47), b = c(0.5, 1, 3, 20, 300)),
  data.frame(x = c(0.4999, 0.5, 0.5001, 0.45, 0.55), a = 5e4, b = 5e4),
  data.frame(x = c(1e-7, 3e-6, 1e-5), a = 0.5, b = 5e5))
write(data.frame(x = g(bgrid$x), a = g(bgrid$a), b = g(bgrid$b), cdf = g(pbeta(bgrid$x, bgrid$a, bgrid$b))), "beta-cdf.csv")

qgrid <- rbind(
  expand.grid(p = c(0.0005, 0.025, 0.05, 0.5, 0.95, 0.975, 0.9995), a = c(0.5, 1, 2, 7, 60), b = c(0.5, 1, 4, 33, 500)),
  expand.grid(p = c(0.025, 0.975), a = c(12345, 500000), b = c(54321, 500001)))
write(data.frame(p = g(qgrid$p), a = g(qgrid$a), b = g(qgrid$b), q = g(qbeta(qgrid$p, qgrid$a, qgrid$b))), "beta-quantiles.csv")

# 2. Proportion intervals: Wilson = prop.test(correct = FALSE), Clopper-Pearson = binom.test --
cases <- rbind(
  data.frame(x = c(0, 1, 2, 5, 10, 15, 19, 20), n = 20),
  data.frame(x = c(0, 1, 7, 49, 50), n = 50),
  data.frame(x = c(0, 1), n = 1),
  data.frame(x = c(0, 3), n = 3),
  data.frame(x = c(0, 345, 493, 999, 1000), n = 1000),
  data.frame(x = c(171, 241), n = 347),
  data.frame(x = c(0, 493000, 1000000), n = 1000000))
rows <- list()
for (level in c(0.9, 0.95, 0.99)) {
  for (i in seq_len(nrow(cases))) {
    x <- cases$x[i]; n <- cases$n[i]
    w <- suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))$conf.int
    cp <- binom.test(x, n, conf.level = level)$conf.int
    rows[[length(rows) + 1]] <- data.frame(x = x, n = n, level = level,
      wilson_lower = g(w[1]), wilson_upper = g(w[2]), cp_lower = g(cp[1]), cp_upper = g(cp[2]))
  }
}
write(do.call(rbind, rows), "proportion-intervals.csv")

# 3. Newcombe hybrid score (method 10) from the two Wilson intervals of prop.test -------------
newcombe <- function(x1, n1, x2, n2, level) {
  w1 <- suppressWarnings(prop.test(x1, n1, conf.level = level, correct = FALSE))$conf.int
  w2 <- suppressWarnings(prop.test(x2, n2, conf.level = level, correct = FALSE))$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  c(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
pairs <- data.frame(x1 = c(56, 9, 6, 5, 0, 10, 0, 171, 310),
                    n1 = c(70, 10, 7, 56, 10, 10, 10, 347, 688),
                    x2 = c(48, 3, 2, 0, 0, 0, 10, 120, 238),
                    n2 = c(80, 10, 7, 29, 20, 20, 10, 358, 696))
rows <- list()
for (level in c(0.9, 0.95, 0.99)) {
  for (i in seq_len(nrow(pairs))) {
    ci <- with(pairs[i, ], newcombe(x1, n1, x2, n2, level))
    rows[[length(rows) + 1]] <- cbind(pairs[i, ], level = level, lower = g(ci[1]), upper = g(ci[2]))
  }
}
write(do.call(rbind, rows), "newcombe-intervals.csv")

# 4. The example cohort: per-arm statistics and the arm comparison -------------------------
cohort <- read.csv("docs/examples/outcomes-cohort.csv")
cohort$change <- cohort$followup_headache_days - cohort$baseline_headache_days
responder <- function(b, f, t) (b - f) >= (t - 1e-12) * b
rows <- list()
for (arm in unique(cohort$arm)) {
  a <- cohort[cohort$arm == arm, ]
  for (t in c(0.3, 0.5, 0.75)) {
    x <- sum(responder(a$baseline_headache_days, a$followup_headache_days, t)); n <- nrow(a)
    w <- suppressWarnings(prop.test(x, n, correct = FALSE))$conf.int
    cp <- binom.test(x, n)$conf.int
    tt <- t.test(a$change)$conf.int
    rows[[length(rows) + 1]] <- data.frame(arm = arm, threshold = t, n = n, responders = x,
      wilson_lower = g(w[1]), wilson_upper = g(w[2]), cp_lower = g(cp[1]), cp_upper = g(cp[2]),
      mean_change = g(mean(a$change)), sd_change = g(sd(a$change)), t_lower = g(tt[1]), t_upper = g(tt[2]))
  }
}
write(do.call(rbind, rows), "cohort-arms.csv")

tr <- cohort[cohort$arm == "onabotulinumtoxinA", ]; pl <- cohort[cohort$arm == "placebo", ]
welch <- t.test(tr$change, pl$change)
x1 <- sum(responder(tr$baseline_headache_days, tr$followup_headache_days, 0.5))
x2 <- sum(responder(pl$baseline_headache_days, pl$followup_headache_days, 0.5))
nc <- newcombe(x1, nrow(tr), x2, nrow(pl), 0.95)
write(data.frame(mean_difference = g(mean(tr$change) - mean(pl$change)), welch_lower = g(welch$conf.int[1]),
                 welch_upper = g(welch$conf.int[2]), welch_df = g(welch$parameter),
                 risk_difference = g(x1 / nrow(tr) - x2 / nrow(pl)), newcombe_lower = g(nc[1]), newcombe_upper = g(nc[2])),
      "cohort-comparison.csv")

print(sessionInfo()$R.version$version.string)
print(do.call(rbind, rows))
print(welch)
cat("Newcombe (0.5 threshold):", g(nc), "\n")
