//! The units, the crontab line and their quoting; installing and removing twice, with a
//! recording `systemctl` and a temporary unit directory.

use super::*;

/// Records each `systemctl --user` call; fails the ones named in `fail`.
#[derive(Default)]
struct FakeSystemctl {
    calls: Vec<String>,
    fail: Vec<&'static str>,
}

impl Systemctl for FakeSystemctl {
    fn run(&mut self, args: &[&str]) -> Result<(), String> {
        let call = args.join(" ");
        self.calls.push(call.clone());
        match self.fail.iter().any(|f| call.starts_with(f)) {
            true => Err("Failed to connect to bus: No medium found".into()),
            false => Ok(()),
        }
    }
}

fn invocation() -> Invocation {
    Invocation {
        program: "/home/pat/My Apps/aftercare".into(),
        args: [
            "--data-dir",
            "/home/pat/100% data/$x",
            "remind",
            "--notify",
            "--quiet",
        ]
        .map(OsString::from)
        .to_vec(),
        env: vec![("TZ".into(), "Europe/Berlin".into())],
    }
}

#[test]
fn the_service_quotes_every_word_for_systemd() {
    let unit = service_unit(&invocation()).unwrap();
    assert!(unit.contains(
        "ExecStart=\"/home/pat/My Apps/aftercare\" \"--data-dir\" \"/home/pat/100%% data/$$x\" \"remind\" \"--notify\" \"--quiet\"\n"
    ), "{unit}");
    assert!(unit.contains("Environment=\"TZ=Europe/Berlin\"\n"));
    assert!(unit.contains("Type=oneshot\n") && unit.contains("SuccessExitStatus=3\n"));
    let timer = timer_unit();
    assert!(timer.contains("OnCalendar=*:0/5\n") && timer.contains("Persistent=true\n"));
    assert!(timer.contains("WantedBy=timers.target\n"));
}

#[test]
fn the_crontab_line_quotes_for_the_shell_and_escapes_percent_signs() {
    let env = vec![(
        "DBUS_SESSION_BUS_ADDRESS".to_string(),
        "unix:path=/run/user/1000/bus".to_string(),
    )];
    assert_eq!(
        crontab_line(&invocation(), &env).unwrap(),
        "*/5 * * * * DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus TZ=Europe/Berlin \
         '/home/pat/My Apps/aftercare' --data-dir '/home/pat/100\\% data/$x' remind --notify --quiet"
    );
    let mut odd = invocation();
    odd.program = "/o'brien/aftercare".into();
    assert!(
        crontab_line(&odd, &[])
            .unwrap()
            .contains("'/o'\\''brien/aftercare'")
    );
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_text_is_refused() {
    use std::os::unix::ffi::OsStringExt;
    let mut run = invocation();
    run.program = PathBuf::from(OsString::from_vec(b"/tmp/\xffaftercare".to_vec()));
    let err = service_unit(&run).unwrap_err().to_string();
    assert!(
        err.starts_with("the program's path is not UTF-8 text"),
        "{err}"
    );
}

fn text(out: Vec<u8>) -> String {
    String::from_utf8(out).unwrap()
}

#[test]
fn installing_twice_writes_once_and_removing_twice_is_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let unit_dir = dir.path().join("systemd/user");
    let scheduler = Scheduler::Systemd {
        unit_dir: unit_dir.clone(),
    };
    let (service, timer) = (unit_dir.join(SERVICE), unit_dir.join(TIMER));
    let mut systemctl = FakeSystemctl::default();

    let mut out = Vec::new();
    install(&scheduler, &invocation(), &mut systemctl, true, &mut out).unwrap();
    let printed = text(out);
    assert!(printed.starts_with(&format!("# {}\n# Written by", service.display())));
    assert!(printed.contains(&format!("# {}\n", timer.display())));
    assert!(printed.contains("OnCalendar=*:0/5"));
    assert!(printed.ends_with("Would run: systemctl --user daemon-reload\nWould run: systemctl --user enable --now aftercare-remind.timer\nNothing was written.\n"));
    assert!(
        !unit_dir.exists() && systemctl.calls.is_empty(),
        "--print writes nothing"
    );

    let mut out = Vec::new();
    install(&scheduler, &invocation(), &mut systemctl, false, &mut out).unwrap();
    let said = text(out);
    assert!(said.starts_with(&format!(
        "Wrote {}\nWrote {}\nRan: systemctl --user daemon-reload\nRan: systemctl --user enable --now aftercare-remind.timer\nReminders are on",
        service.display(),
        timer.display()
    )), "{said}");
    assert_eq!(
        fs::read_to_string(&service).unwrap(),
        service_unit(&invocation()).unwrap()
    );
    assert_eq!(fs::read_to_string(&timer).unwrap(), timer_unit());

    let mut out = Vec::new();
    install(&scheduler, &invocation(), &mut systemctl, false, &mut out).unwrap();
    assert!(text(out).starts_with(&format!(
        "Unchanged: {}\nUnchanged: {}\n",
        service.display(),
        timer.display()
    )));
    assert_eq!(
        systemctl.calls.len(),
        4,
        "enabling again is harmless: {:?}",
        systemctl.calls
    );

    let mut out = Vec::new();
    uninstall(&scheduler, &mut systemctl, true, &mut out).unwrap();
    assert!(text(out).contains(&format!("Would remove {}", service.display())));
    assert!(service.exists(), "--print removes nothing");

    let mut out = Vec::new();
    uninstall(&scheduler, &mut systemctl, false, &mut out).unwrap();
    assert_eq!(
        text(out),
        format!(
            "Ran: systemctl --user disable --now aftercare-remind.timer\nRemoved {}\nRemoved {}\nRan: systemctl --user daemon-reload\nReminders are off.\n",
            service.display(),
            timer.display()
        )
    );
    assert!(!service.exists() && !timer.exists());

    let mut out = Vec::new();
    uninstall(&scheduler, &mut systemctl, false, &mut out).unwrap();
    assert_eq!(
        text(out),
        format!(
            "Nothing to remove: there is no aftercare-remind.service or aftercare-remind.timer in {}.\n",
            unit_dir.display()
        )
    );
    assert_eq!(
        systemctl.calls,
        [
            "daemon-reload",
            "enable --now aftercare-remind.timer",
            "daemon-reload",
            "enable --now aftercare-remind.timer",
            "disable --now aftercare-remind.timer",
            "daemon-reload"
        ]
    );
}

#[test]
fn without_a_user_manager_the_units_are_written_and_the_failure_said() {
    let dir = tempfile::tempdir().unwrap();
    let scheduler = Scheduler::Systemd {
        unit_dir: dir.path().to_path_buf(),
    };
    let mut systemctl = FakeSystemctl {
        fail: vec!["daemon-reload", "disable"],
        ..Default::default()
    };
    let mut out = Vec::new();
    let err = install(&scheduler, &invocation(), &mut systemctl, false, &mut out).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`systemctl --user daemon-reload` failed: Failed to connect to bus: No medium found. Run it yourself in your desktop session (systemd's user manager must be running)"
    );
    assert!(text(out).contains("Wrote "));
    // Removing still removes the files.
    let mut out = Vec::new();
    uninstall(&scheduler, &mut systemctl, false, &mut out).unwrap();
    let said = text(out);
    assert!(said.starts_with("Could not stop the timer (Failed to connect to bus: No medium found); removing its files anyway.\nRemoved "), "{said}");
    assert!(!dir.path().join(SERVICE).exists());
}

#[test]
fn without_systemd_the_crontab_line_is_printed_and_nothing_written() {
    let scheduler = Scheduler::Cron { env: Vec::new() };
    let mut systemctl = FakeSystemctl::default();
    let mut out = Vec::new();
    install(&scheduler, &invocation(), &mut systemctl, false, &mut out).unwrap();
    let said = text(out);
    assert!(said.contains("run `crontab -e` and add this line:\n\n*/5 * * * * TZ=Europe/Berlin '/home/pat/My Apps/aftercare'"), "{said}");
    assert!(said.ends_with("\n\nNothing was written.\n"));
    let mut out = Vec::new();
    uninstall(&scheduler, &mut systemctl, false, &mut out).unwrap();
    assert!(text(out).contains("delete the line that ends in `remind --notify --quiet`"));
    assert!(systemctl.calls.is_empty());
}
