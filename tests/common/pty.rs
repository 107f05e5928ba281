//! The real binary in a pseudo-terminal, its screen read back through a terminal emulator.
//!
//! Tests wait for what the screen shows (never for a fixed time), so they are as fast as the
//! program and do not flake on a slow machine.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for a screen before failing with what was there instead.
const PATIENCE: Duration = Duration::from_secs(20);

/// What the emulated terminal noticed beyond the screen's text.
#[derive(Default)]
pub struct Seen {
    /// Window titles the program tried to set.
    pub titles: Vec<Vec<u8>>,
    /// Whether the output stream has ended (the program exited).
    pub closed: bool,
}

impl vt100::Callbacks for Seen {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
}

type Shared = Arc<(Mutex<vt100::Parser<Seen>>, Condvar)>;

pub struct PtyApp {
    shared: Shared,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

impl PtyApp {
    /// Starts `dagsorden args…` in a `cols`×`rows` terminal with favourites in `config_dir`.
    pub fn start(args: &[&str], config_dir: &Path, cols: u16, rows: u16) -> Self {
        Self::start_with_env(args, config_dir, (cols, rows), &[])
    }

    /// As [`PtyApp::start`], with environment variables set (`Some`) or removed (`None`) after
    /// the test's own.
    pub fn start_with_env(
        args: &[&str],
        config_dir: &Path,
        (cols, rows): (u16, u16),
        env: &[(&str, Option<&str>)],
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_dagsorden"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        // The screens the tests read are in English, whatever the machine's locale.
        command.env("DAGSORDEN_LANG", "en");
        command.env("DAGSORDEN_CONFIG_DIR", config_dir);
        command.env("DAGSORDEN_CACHE_DIR", super::cache_dir());
        command.env("DAGSORDEN_DATA_DIR", config_dir.join("data"));
        command.env("XDG_CONFIG_HOME", config_dir.join("xdg"));
        // A clock that stands still, so what is past or on now is the same on every run;
        // `--now` among the arguments overrides it.
        command.env("DAGSORDEN_NOW", "2024-02-01T12:00:00+01:00");
        command.env("TZ", "Europe/Oslo");
        for (name, value) in env {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            }
        }
        let child = pair.slave.spawn_command(command).expect("start dagsorden");
        drop(pair.slave);
        let parser = vt100::Parser::new_with_callbacks(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
            0,
            Seen::default(),
        );
        let shared: Shared = Arc::new((Mutex::new(parser), Condvar::new()));
        let reader = pair.master.try_clone_reader().expect("pty reader");
        pump_output(reader, Arc::clone(&shared));
        let writer = pair.master.take_writer().expect("pty writer");
        Self {
            shared,
            writer,
            child,
            master: pair.master,
        }
    }

    /// Types keys as a terminal sends them (`"j"`, `"\r"` for Enter, `"\x1b"` for Esc).
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Resizes the terminal, as a user dragging the window does.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let (lock, _) = &*self.shared;
        lock.lock().expect("screen lock").screen_mut().set_size(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
        );
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// Waits until the screen shows `text`; returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("the screen to show {text:?}"), |screen, _| {
            screen.contents().contains(text)
        })
    }

    /// Waits until `done` holds for the screen; fails with the last screen after a while.
    pub fn wait_until(&self, what: &str, done: impl Fn(&vt100::Screen, &Seen) -> bool) -> String {
        let (lock, changed) = &*self.shared;
        let deadline = Instant::now() + PATIENCE;
        let mut parser = lock.lock().expect("screen lock");
        loop {
            let screen = parser.screen().clone();
            let seen = parser.callbacks();
            if done(&screen, seen) {
                return screen.contents();
            }
            let now = Instant::now();
            assert!(
                now < deadline,
                "waited for {what}; the screen shows:\n{}",
                screen.contents()
            );
            parser = changed
                .wait_timeout(parser, deadline - now)
                .expect("screen lock")
                .0;
        }
    }

    /// Waits for the program to end; returns its exit code and the final screen.
    /// The screen as it is now, cells, colours and all.
    #[allow(dead_code)] // not every test file that shares this module reads cells
    pub fn screen(&self) -> vt100::Screen {
        let (lock, _) = &*self.shared;
        lock.lock().expect("screen lock").screen().clone()
    }

    pub fn wait_exit(mut self) -> (u32, vt100::Screen, Vec<Vec<u8>>) {
        let status = self.child.wait().expect("wait for dagsorden");
        self.wait_until("the output to end", |_, seen| seen.closed);
        let (lock, _) = &*self.shared;
        let mut parser = lock.lock().expect("screen lock");
        let titles = std::mem::take(&mut parser.callbacks_mut().titles);
        (status.exit_code(), parser.screen().clone(), titles)
    }
}

impl Drop for PtyApp {
    fn drop(&mut self) {
        // A failed test must not leave the program running.
        let _ = self.child.kill();
    }
}

/// Feeds everything the program writes into the emulator, waking waiters after each chunk.
fn pump_output(mut reader: Box<dyn Read + Send>, shared: Shared) {
    std::thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        loop {
            let n = reader.read(&mut buffer).unwrap_or(0);
            let (lock, changed) = &*shared;
            // A test that failed while holding the lock must not hide its message behind ours.
            let mut parser = lock
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if n == 0 {
                parser.callbacks_mut().closed = true;
                changed.notify_all();
                return;
            }
            parser.process(&buffer[..n]);
            changed.notify_all();
        }
    });
}
