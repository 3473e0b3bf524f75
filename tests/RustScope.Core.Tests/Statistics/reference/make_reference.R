#!/usr/bin/Rscript --vanilla
# Hodges-Lehmann intervals and Mann-Whitney p-values straight from R's wilcox.test, for every sample of
# reference.json (written by make_reference.py). Needs r-base-core and r-cran-jsonlite:
#     Rscript --vanilla make_reference.R > reference_r.json
# Samples without ties and m*n <= 2500 (MannWhitneyDistribution.MaxExactProduct) use the exact distribution,
# the others the normal approximation with tie and continuity corrections, as RustScope does. R finds the
# asymptotic interval and estimate with uniroot(tol = 1e-4), so they are good to about 1e-4 in the data's unit.
suppressPackageStartupMessages(library(jsonlite))

exact_limit <- 2500
reference <- fromJSON("reference.json", simplifyVector = TRUE)
samples <- reference$samples

# Every digit of a double, written verbatim into the JSON (jsonlite itself stops at 15); NaN (R's two-sided p-value
# when every value is tied) becomes null.
num <- function(value) structure(if (is.finite(value)) sprintf("%.17g", value) else "null", class = "json")

one <- function(i) {
  first <- samples$first[[i]]
  second <- samples$second[[i]]
  level <- samples$level[[i]]
  pooled <- c(first, second)
  exact <- length(unique(pooled)) == length(pooled) && length(first) * length(second) <= exact_limit
  # wilcox.test(x, y) works on x - y: head (second) goes first, like HodgesLehmann.Interval(first, second).
  test <- function(alternative, conf.int) suppressWarnings(wilcox.test(second, first, alternative = alternative,
    conf.int = conf.int, exact = exact, correct = TRUE, conf.level = level))
  p <- sapply(c("greater", "less", "two.sided"), function(a) test(a, FALSE)$p.value)
  case <- list(name = samples$name[[i]], method = if (exact) "exact" else "normal",
               p_greater = num(p[["greater"]]), p_less = num(p[["less"]]), p_two_sided = num(p[["two.sided"]]))
  # R refuses an interval when every value is tied (its variance is zero): there is no reference to give then.
  interval <- tryCatch(test("two.sided", TRUE), error = function(e) NULL)
  if (!is.null(interval)) {
    case$estimate <- num(unname(interval$estimate))
    case$low <- num(interval$conf.int[1])
    case$high <- num(interval$conf.int[2])
  } else {
    case$interval_error <- "R: cannot compute confidence interval when all observations are tied"
  }
  case
}

out <- list(generator = paste("make_reference.R with", R.version.string),
            cases = lapply(seq_along(samples$name), one))
cat(toJSON(out, auto_unbox = TRUE, json_verbatim = TRUE, pretty = TRUE), "\n")
