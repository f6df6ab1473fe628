// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "awx-report",
  products: [
    .executable(name: "awx-report", targets: ["awx-report"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // C libraries, through pkg-config. Only the shim headers live here.
    .systemLibrary(
      name: "CCurl", pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]),
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    // glibc's malloc extensions (malloc_trim): part of libc, no package.
    .systemLibrary(name: "CMalloc"),
    // Our one C file: SHA-256 blocks with the x86 SHA extensions (see AWXReportAPI's SHA256).
    .target(name: "CSHA256"),

    // Core: pure value types and algorithms.
    .target(name: "AWXReportModel"),
    .target(name: "AWXReportJSON"),
    .target(
      name: "AWXReportAPI", dependencies: ["AWXReportModel", "AWXReportJSON", "CSHA256"]),
    .target(
      name: "AWXReportFetch",
      dependencies: ["AWXReportAPI", "AWXReportJSON", "AWXReportModel", "CCurl"]),
    .target(name: "AWXReportLayout"),
    .target(name: "AWXReportTemplate"),
    .target(
      name: "AWXReportRender",
      dependencies: ["AWXReportModel", "AWXReportJSON", "AWXReportLayout", "AWXReportTemplate"]),
    .target(name: "AWXReportValidate", dependencies: ["AWXReportJSON", "CLibXML2"]),

    // Command line: a testable command module under a thin executable.
    .target(
      name: "AWXReportCommand",
      dependencies: [
        "AWXReportAPI", "AWXReportFetch", "AWXReportLayout", "AWXReportRender",
        "AWXReportTemplate", "AWXReportValidate", "CMalloc",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "awx-report", dependencies: ["AWXReportCommand"]),

    // Benchmarks (run by `make bench-*`, never by `make test`).
    .executableTarget(
      name: "bench-layout", dependencies: ["AWXReportLayout", "AWXReportModel", "AWXReportRender"],
      path: "Benchmarks/LayoutBench"),
    .executableTarget(
      name: "bench-validate", dependencies: ["AWXReportValidate"],
      path: "Benchmarks/ValidateBench"),
    .executableTarget(
      name: "bench-render", dependencies: ["AWXReportRender", "AWXReportAPI", "AWXReportTemplate"],
      path: "Benchmarks/RenderBench"),
    .executableTarget(
      name: "bench-fetch", dependencies: ["AWXReportFetch", "AWXReportModel"],
      path: "Benchmarks/FetchBench"),

    // Tests.
    // Helpers every test target shares (paths, fixtures, golden files, the fake AWX server):
    // a plain target, since a test target cannot depend on another test target.
    .target(name: "AWXReportTestSupport", path: "Tests/AWXReportTestSupport"),
    .testTarget(
      name: "AWXReportModelTests", dependencies: ["AWXReportModel"]),
    .testTarget(name: "AWXReportJSONTests", dependencies: ["AWXReportJSON"]),
    .testTarget(
      name: "AWXReportAPITests",
      dependencies: ["AWXReportAPI", "AWXReportJSON", "AWXReportLayout"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "AWXReportFetchTests", dependencies: ["AWXReportFetch", "AWXReportJSON"],
      exclude: ["Server"]),
    .testTarget(
      name: "AWXReportLayoutTests", dependencies: ["AWXReportLayout"], exclude: ["Fixtures"]),
    .testTarget(
      name: "AWXReportTemplateTests", dependencies: ["AWXReportTemplate"], exclude: ["Spec"]),
    .testTarget(
      name: "AWXReportValidateTests", dependencies: ["AWXReportValidate", "AWXReportLayout"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "AWXReportRenderTests",
      dependencies: ["AWXReportRender", "AWXReportAPI", "AWXReportValidate"],
      exclude: ["Golden", "Fixtures"]),
    .testTarget(
      name: "AWXReportCommandTests",
      dependencies: [
        "AWXReportCommand", "AWXReportAPI", "AWXReportFetch", "AWXReportJSON",
        "AWXReportValidate", "awx-report",
      ]),
  ]
)

// Every test target may use the shared helpers.
for target in package.targets where target.type == .test {
  target.dependencies.append("AWXReportTestSupport")
}
