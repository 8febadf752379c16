//! The progress bar of long runs: on a terminal only (nothing when stderr is piped
//! or redirected), one bar per stage, drawn by indicatif. With the environment
//! variable `PARALLAX_TIMINGS` set, each stage's time is said on stderr (for
//! `make bench-scale`), with the resident memory as it ends.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// The process's resident memory now, as Linux says it (`VmRSS`), or `?`
/// elsewhere: where a stage leaves memory is the question at 100k articles.
fn resident() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:").map(|v| v.trim().to_string()))
        })
        .unwrap_or_else(|| "?".to_string())
}

/// A bar that follows [`parallax::Progress`] reports, or nothing off a terminal.
pub struct Bar {
    bar: Option<ProgressBar>,
    stage: &'static str,
    /// The stage timed, and when it started (when timings are asked for).
    timed: &'static str,
    started: Option<std::time::Instant>,
}

impl Bar {
    pub fn new() -> Bar {
        Bar {
            bar: None,
            stage: "",
            timed: "",
            started: None,
        }
    }

    /// Says how long the stage that ends took, when `PARALLAX_TIMINGS` is set.
    fn time(&mut self, next: &'static str) {
        if std::env::var_os("PARALLAX_TIMINGS").is_none() || self.timed == next {
            return;
        }
        if let Some(started) = self.started {
            let seconds = started.elapsed().as_secs_f64();
            eprintln!(
                "stage {:<14} {seconds:>8.2} s  resident {}",
                self.timed,
                resident()
            );
        }
        self.started = (!next.is_empty()).then(std::time::Instant::now);
        self.timed = next;
    }

    /// Shows `progress`; a new stage starts a new bar.
    pub fn show(&mut self, progress: parallax::Progress) {
        self.time(progress.stage);
        if !std::io::stderr().is_terminal() {
            return;
        }
        if self.bar.is_none() || self.stage != progress.stage {
            self.clear();
            let bar = ProgressBar::new(progress.total as u64);
            let style = ProgressStyle::with_template(
                "{prefix:>14} [{bar:30}] {pos}/{len} {elapsed_precise}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            bar.set_style(style);
            bar.set_prefix(progress.stage);
            self.bar = Some(bar);
            self.stage = progress.stage;
        }
        if let Some(bar) = &self.bar {
            bar.set_length(progress.total as u64);
            bar.set_position(progress.done as u64);
        }
    }

    /// Takes the bar off the terminal.
    pub fn clear(&mut self) {
        self.time("");
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
