/// The shared string table: cells of type "s" hold an index into it. Rich text runs are joined; phonetic
/// guides (`rPh`) are left out because they are not part of the text a user sees.
enum SharedStrings {
    static func read(_ xml: [UInt8]) throws(XMLError) -> [String] {
        var strings: [String] = []
        var reader = try XMLReader(xml)
        var current = ""
        var inItem = false, inText = false, phonetic = 0
        while let event = try reader.next() {
            switch event {
            case .start(let name, _):
                switch name {
                case "si": inItem = true; current = ""
                case "t": inText = inItem && phonetic == 0
                case "rPh": phonetic += 1
                default: break
                }
            case .end(let name):
                switch name {
                case "si": strings.append(current); inItem = false
                case "t": inText = false
                case "rPh": phonetic -= 1
                default: break
                }
            case .text(let t):
                if inText { current += t }
            }
        }
        return strings
    }
}
