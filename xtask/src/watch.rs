//! Waiting for a source file to change (`cargo xtask serve`), through the `notify` crate
//! (inotify on Linux): no polling while nothing changes.

use crate::process::{root, Result};
use notify::{RecursiveMode, Watcher};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

/// Watched sources; dropping it stops the watch.
pub struct Sources {
    _watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
}

impl Sources {
    /// Watches `paths` (relative to the workspace root; directories recursively).
    pub fn watch(paths: &[&str]) -> Result<Self> {
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(tx).map_err(|e| format!("watching sources: {e}"))?;
        for path in paths {
            watcher
                .watch(&root().join(path), RecursiveMode::Recursive)
                .map_err(|e| format!("watching {path}: {e}"))?;
        }
        Ok(Sources {
            _watcher: watcher,
            events,
        })
    }

    /// Blocks until a file changes, then waits for the burst to settle (an editor's save, a
    /// `git checkout`: many events within a moment) and names the first changed file.
    pub fn next_change(&self) -> Result<String> {
        let stopped = || "the source watcher stopped".to_string();
        loop {
            let event = self.events.recv().map_err(|_| stopped())?;
            let Ok(event) = event else { continue };
            if !(event.kind.is_modify() || event.kind.is_create() || event.kind.is_remove()) {
                continue;
            }
            while self.events.recv_timeout(Duration::from_millis(300)).is_ok() {}
            let first = event
                .paths
                .first()
                .map(|p| p.strip_prefix(root()).unwrap_or(p).to_string_lossy().into_owned());
            return Ok(first.unwrap_or_else(|| "a source".into()));
        }
    }
}
