// swift-tools-version:6.0
import PackageDescription

// No package dependencies, by the user's requirement: everything beyond the toolchain (Foundation,
// Dispatch, Swift Testing) is written here. The target lists below name only the package's own targets.
let package = Package(
    name: "AgreementLedger",
    products: [
        .executable(name: "ledger", targets: ["ledger"]),
        .library(name: "AgreementLedger", targets: ["AgreementLedger"]),
    ],
    targets: [
        .target(name: "AgreementLedger"),
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
