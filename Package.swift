// swift-tools-version:6.0
import PackageDescription

// No package dependencies, by the user's requirement: everything beyond the toolchain (Foundation,
// Dispatch, Swift Testing) is written here. The target lists below name only the package's own targets.

// On x86-64 the compiler may emit the processor's SHA-256 instructions (`SHA256Instructions`, used only when
// CPUID reports them): the flag lets the intrinsics compile and makes no other code use them.
#if arch(x86_64)
let processorSettings: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-msha"])]
#else
let processorSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "AgreementLedger",
    products: [
        .executable(name: "ledger", targets: ["ledger"]),
        .library(name: "AgreementLedger", targets: ["AgreementLedger"]),
    ],
    targets: [
        .target(name: "AgreementLedger", swiftSettings: processorSettings),
        .target(
            name: "LedgerCLI",
            dependencies: [
                "AgreementLedger",
            ]),
        .executableTarget(
            name: "ledger",
            dependencies: [
                "LedgerCLI",
            ]),
        .testTarget(
            name: "AgreementLedgerTests",
            dependencies: [
                "AgreementLedger",
            ],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "LedgerCLITests",
            dependencies: [
                "LedgerCLI", "AgreementLedger",
            ]),
    ]
)
