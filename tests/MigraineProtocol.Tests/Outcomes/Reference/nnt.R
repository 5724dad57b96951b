# Reference values for the number needed to treat and Altman's interval (BMJ 1998;317:1309): the
# reciprocals of the Newcombe hybrid score bounds (method 10, from prop.test's Wilson intervals).
# Regenerate from the repository root with:
#   Rscript tests/MigraineProtocol.Tests/Outcomes/Reference/nnt.R
# Each case is a cohort of two arms, x1 responders of n1 (treatment) and x2 of n2 (control); the tests
# write it as a CSV (responders 20 -> 5 days, others 20 -> 20) and compare the outcomes command's JSON.
# R 4.2.2 (Debian 12 r-base-core). Numbers are written with 17 significant digits; NA = null in JSON.

dir <- "tests/MigraineProtocol.Tests/Outcomes/Reference"
g <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
newcombe <- function(x1, n1, x2, n2, level) {
  w1 <- suppressWarnings(prop.test(x1, n1, conf.level = level, correct = FALSE))$conf.int
  w2 <- suppressWarnings(prop.test(x2, n2, conf.level = level, correct = FALSE))$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  c(max(-1, d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)), min(1, d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)))
}
cases <- data.frame(
  x1 = c(18, 56, 9, 5, 3, 2, 0, 60, 120, 300, 1, 12, 40),
  n1 = c(30, 70, 10, 56, 30, 20, 10, 100, 400, 1000, 50, 12, 41),
  x2 = c(6, 48, 3, 0, 15, 2, 0, 62, 121, 400, 49, 0, 1),
  n2 = c(30, 80, 10, 29, 30, 20, 20, 100, 400, 1000, 50, 12, 40),
  level = c(0.95, 0.95, 0.9, 0.99, 0.95, 0.95, 0.95, 0.95, 0.8, 0.95, 0.95, 0.95, 0.99))
rows <- list()
for (i in seq_len(nrow(cases))) {
  k <- cases[i, ]
  ci <- newcombe(k$x1, k$n1, k$x2, k$n2, k$level)
  rd <- k$x1 / k$n1 - k$x2 / k$n2
  crosses <- ci[1] <= 0 && ci[2] >= 0
  rows[[i]] <- data.frame(k, risk_difference = g(rd), rd_lower = g(ci[1]), rd_upper = g(ci[2]),
    nnt = g(if (rd == 0) NA else 1 / rd), label = if (rd > 0) "NNTB" else if (rd < 0) "NNTH" else "NA",
    crosses_zero = crosses,
    lower = g(if (crosses) NA else 1 / ci[2]), upper = g(if (crosses) NA else 1 / ci[1]),
    benefit_from = g(if (crosses && ci[2] > 0) 1 / ci[2] else NA),
    harm_from = g(if (crosses && ci[1] < 0) 1 / abs(ci[1]) else NA))
}
out <- do.call(rbind, rows)
write.csv(out, file.path(dir, "nnt-cases.csv"), row.names = FALSE, quote = FALSE)
print(out)
