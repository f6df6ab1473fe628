#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The signal that asked the watch to stop (0: none). Written by the handler only.
nonisolated(unsafe) private var receivedSignal: Int32 = 0

/// SIGINT and SIGTERM during a watch: the first one stops polling (the watch then writes the
/// report as it stands and exits 128 + the signal); a second one ends the process at once.
enum StopSignal {
  /// Installs the handlers, and unblocks both signals (a parent may have blocked them).
  static func install() {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &set, nil)
    for sig in [SIGINT, SIGTERM] {
      _ = signal(sig) { sig in
        receivedSignal = sig
        // The next one gets the default action: a second Ctrl-C ends the process.
        _ = signal(sig, SIG_DFL)
      }
    }
  }

  /// The signal received, if any.
  static var received: Int32? { receivedSignal == 0 ? nil : receivedSignal }

  /// Sleeps up to `seconds`, waking early when a signal arrives.
  static func sleep(_ seconds: Double) {
    var left = seconds
    while left > 0 && received == nil {
      let slice = min(left, 0.05)
      var request = timespec(tv_sec: 0, tv_nsec: Int(slice * 1e9))
      _ = nanosleep(&request, nil)
      left -= slice
    }
  }
}
