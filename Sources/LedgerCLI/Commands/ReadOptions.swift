import AgreementLedger

/// The options shared by commands that read snapshot files (`inspect`, `import`).
enum ReadOptions {
    static let specs: [CommandSpec.Option] = [
        .init(name: "--mapping", value: "M.json", help: "column mapping: {\"header or column number\": \"field\"}"),
        .init(name: "--delimiter", value: "D", help: "tab, comma or semicolon (default: detected)"),
        .init(name: "--encoding", value: "E", help: "windows-1250, windows-1252 or iso-8859-2 for older exports (default: UTF-8/UTF-16 by BOM)"),
        .init(name: "--sheet", value: "NAME|N", help: "the worksheet of an .xlsx workbook to read (default: the first visible one)"),
        .init(name: "--status-from-fill", value: "COLOR=STATUS", help: "rows filled with COLOR (grey, or hex like D9D9D9) get STATUS (active, expired, closed) where the list states none; repeatable"),
    ]

    static func make(_ args: ParsedArguments) throws(CLIError) -> SnapshotReader.Options {
        var options = SnapshotReader.Options()
        if let d = args.value("--delimiter") {
            guard let delimiter = Delimiter(name: d) else {
                throw .usage("--delimiter must be tab, comma or semicolon (got \"\(d)\")")
            }
            options.delimiter = delimiter
        }
        if let e = args.value("--encoding") {
            guard let encoding = TextEncoding(rawValue: e.lowercased()) else {
                let names = TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
                throw .usage("--encoding must be one of \(names) (got \"\(e)\")")
            }
            options.encoding = encoding
        }
        options.sheet = args.value("--sheet")
        for rule in args.values["--status-from-fill"] ?? [] {
            guard let parsed = FillStatusRule(parsing: rule) else {
                throw .usage("--status-from-fill takes COLOR=STATUS, COLOR grey or a hex RGB like D9D9D9, STATUS active, expired or closed (got \"\(rule)\")")
            }
            options.statusFromFill.append(parsed)
        }
        if let path = args.value("--mapping") {
            let bytes: [UInt8]
            do { bytes = try SnapshotReader.contents(of: path) } catch { throw .input(error.description) }
            do {
                options.mapping = try MappingFile(json: String(decoding: bytes, as: UTF8.self))
            } catch {
                throw .input("\(path): \(error.description)")
            }
        }
        return options
    }
}
