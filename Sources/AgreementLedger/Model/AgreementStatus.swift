/// The lifecycle state of an agreement, as a list states it or as the ledger derives it.
public enum AgreementStatus: String, Hashable, Sendable, CaseIterable {
    case active
    case expired
    case closed
}
