extension ConnectionSettings {
  /// Resolves flags and environment variables into settings. Flags always win.
  ///
  /// - Host: `--host`, else `CONTROLLER_HOST`, else `TOWER_HOST`. A bare host name means https.
  /// - Credentials: if any credential flag is given, only flags are used (`--token`/`--token-file`
  ///   exclude `--username`/`--password`/`--password-file`, except that a `--username` flag may
  ///   take its password from the environment). Otherwise the environment: the first set of
  ///   `CONTROLLER_OAUTH_TOKEN`, `CONTROLLER_TOKEN`, `TOWER_OAUTH_TOKEN`, `TOWER_TOKEN`; else
  ///   `CONTROLLER_USERNAME`/`CONTROLLER_PASSWORD` (or `TOWER_USERNAME`/`TOWER_PASSWORD`).
  ///   Empty variables count as unset.
  /// - TLS: verified unless `--insecure` or `CONTROLLER_VERIFY_SSL` (else `TOWER_VERIFY_SSL`) is
  ///   `false`, `0`, `no` or `off`.
  /// - Parameters:
  ///   - options: the flags.
  ///   - environment: the process environment (tests pass their own).
  ///   - readSecret: reads a secret file's contents; it receives the path, or `-` for stdin.
  ///     `SecretFile.read(_:)` is the real one. One trailing newline (LF or CRLF) is removed.
  /// - Returns: settings, with `warnings` for the caller to print.
  /// - Throws: `FetchError` for a missing or invalid host, missing or conflicting credentials,
  ///   an unreadable secret file, or a bad timeout, retry count or API root.
  package static func resolve(
    options: ConnectionOptions, environment: [String: String],
    readSecret: (String) throws -> String
  ) throws(FetchError) -> ConnectionSettings {
    func env(_ names: String...) -> String? {
      for name in names {
        if let value = environment[name], !value.isEmpty { return value }
      }
      return nil
    }
    func secret(flag: String?, file: String?, flagName: String, fileName: String)
      throws(FetchError) -> String?
    {
      if flag != nil, file != nil { throw .conflictingOptions(flagName, fileName) }
      if let flag { return flag }
      guard let file else { return nil }
      let text: String
      do {
        text = try readSecret(file)
      } catch {
        throw .unreadableSecret(path: file, reason: String(describing: error))
      }
      let value = trimmingOneNewline(text)
      guard !value.isEmpty else { throw .unreadableSecret(path: file, reason: "it is empty") }
      return value
    }

    var warnings: [SettingsWarning] = []

    guard let hostText = options.host ?? env("CONTROLLER_HOST", "TOWER_HOST") else {
      throw .missingHost
    }
    let origin = try parseHost(hostText)

    let flagToken = try secret(
      flag: options.token, file: options.tokenFile, flagName: "--token", fileName: "--token-file")
    let flagPassword = try secret(
      flag: options.password, file: options.passwordFile, flagName: "--password",
      fileName: "--password-file")
    let credentials: Credentials
    if let flagToken {
      if options.username != nil || flagPassword != nil { throw .conflictingCredentials }
      credentials = .token(flagToken)
      if options.token != nil {
        warnings.append(.secretFlag(flag: "--token", better: "--token-file"))
      }
    } else if options.username != nil || flagPassword != nil {
      guard let username = options.username ?? env("CONTROLLER_USERNAME", "TOWER_USERNAME") else {
        throw .missingUsername
      }
      guard let password = flagPassword ?? env("CONTROLLER_PASSWORD", "TOWER_PASSWORD") else {
        throw .missingPassword
      }
      credentials = .basic(username: username, password: password)
      if options.password != nil {
        warnings.append(.secretFlag(flag: "--password", better: "--password-file"))
      }
    } else if let token = env(
      "CONTROLLER_OAUTH_TOKEN", "CONTROLLER_TOKEN", "TOWER_OAUTH_TOKEN", "TOWER_TOKEN")
    {
      credentials = .token(token)
    } else {
      let username = env("CONTROLLER_USERNAME", "TOWER_USERNAME")
      let password = env("CONTROLLER_PASSWORD", "TOWER_PASSWORD")
      switch (username, password) {
      case (let u?, let p?): credentials = .basic(username: u, password: p)
      case (_?, nil): throw .missingPassword
      case (nil, _?): throw .missingUsername
      case (nil, nil): throw .missingCredentials
      }
    }
    if origin.scheme == "http" {
      warnings.append(.plainHTTP(origin))
    }

    var verifyTLS = true
    if options.insecure {
      verifyTLS = false
    } else if let text = env("CONTROLLER_VERIFY_SSL", "TOWER_VERIFY_SSL") {
      switch text.lowercased() {
      case "false", "0", "no", "off": verifyTLS = false
      case "true", "1", "yes", "on": verifyTLS = true
      default:
        throw .invalidOption(
          name: "CONTROLLER_VERIFY_SSL", value: text, reason: "expected true or false")
      }
    }
    if !verifyTLS && origin.scheme == "https" {
      warnings.append(.tlsVerificationOff)
    }

    let timeout = options.timeout ?? defaultTimeout
    guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
      throw .invalidOption(
        name: "--timeout", value: "\(timeout)", reason: "expected seconds, above 0")
    }
    let retries = options.retries ?? defaultRetries
    guard (0...20).contains(retries) else {
      throw .invalidOption(name: "--retries", value: "\(retries)", reason: "expected 0 to 20")
    }
    let apiRoot = try options.apiRoot.map { (t: String) throws(FetchError) in
      try normalizeAPIRoot(t)
    }
    if let ca = options.caCert, ca.isEmpty {
      throw .invalidOption(name: "--ca-cert", value: ca, reason: "expected a file path")
    }
    return ConnectionSettings(
      origin: origin, credentials: credentials, verifyTLS: verifyTLS, caCertPath: options.caCert,
      timeout: timeout, retries: retries, apiRoot: apiRoot, warnings: warnings)
  }

  private static func trimmingOneNewline(_ text: String) -> String {
    var t = Substring(text)
    if t.hasSuffix("\r\n") || t.hasSuffix("\n") { t = t.dropLast() }
    if t.hasSuffix("\r") { t = t.dropLast() }
    return String(t)
  }
}
