# Reference values for the adverse-event rates (issue 18), computed with base R (stats package).
# Regenerate from the repository root with:
#   Rscript tests/MigraineProtocol.Tests/Outcomes/Reference/adverse-events.R
# It reads the example cohort and events of docs/examples and writes adverse-event-rates.csv next to
# this script: per arm (first appearance), per term (first appearance, then "any"), the patients with at
# least one event of the term, the patients in the arm, and the Wilson interval
# (prop.test(x, n, correct = FALSE)) at three levels. R 4.2.2 (Debian 12 r-base-core); 17 significant digits.

dir <- "tests/MigraineProtocol.Tests/Outcomes/Reference"
g <- function(x) sprintf("%.17g", x)
cohort <- read.csv("docs/examples/outcomes-cohort.csv", stringsAsFactors = FALSE)
events <- read.csv("docs/examples/adverse-events.csv", stringsAsFactors = FALSE)
stopifnot(all(events$patient_id %in% cohort$patient_id))
events$arm <- cohort$arm[match(events$patient_id, cohort$patient_id)]
arms <- unique(cohort$arm)
# The command also reports every term with a published rate (PublishedAdverseEventRates, first appearance
# there) that no cohort patient has: 0/n with its interval.
published <- c("neck-pain", "eyelid-ptosis", "musculoskeletal-stiffness", "injection-site-pain", "headache",
               "muscular-weakness", "facial-paresis", "dysphagia")
terms <- c(unique(events$term), setdiff(published, unique(events$term)), "any")
rows <- list()
for (level in c(0.9, 0.95, 0.99)) {
  for (a in arms) {
    n <- sum(cohort$arm == a)
    for (t in terms) {
      e <- events[events$arm == a & (t == "any" | events$term == t), ]
      x <- length(unique(e$patient_id))
      w <- suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))$conf.int
      rows[[length(rows) + 1]] <- data.frame(arm = a, term = t, level = level, x = x, n = n,
        rate = g(x / n), wilson_lower = g(w[1]), wilson_upper = g(w[2]))
    }
  }
}
out <- do.call(rbind, rows)
write.csv(out, file.path(dir, "adverse-event-rates.csv"), row.names = FALSE, quote = FALSE)
print(out[out$level == 0.95, ], row.names = FALSE)
