/// The letter table behind `PartnerName.folded`: names are typed with and without diacritics ("Nišu",
/// "Nisu"), so matching needs each accented Latin letter's plain form, looked up in O(1) per scalar.
enum LatinFolding {
    /// Plain form -> the accented letters (both cases) that fold to it. Data, easy to extend.
    private static let groups = """
    a ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧȺḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ
    ae ÆæǢǣǼǽ
    b ƀḂḃḄḅḆḇ
    c ÇçĆćĈĉĊċČčȻȼḈḉ
    d ÐðĎďĐđḊḋḌḍḎḏḐḑḒḓ
    dz ǄǅǆǱǲǳ
    e ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩɆɇḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ
    f ƒḞḟ
    g ĜĝĞğĠġĢģǤǥǦǧǴǵḠḡ
    h ĤĥĦħȞȟḢḣḤḥḦḧḨḩḪḫẖ
    i ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋḬḭḮḯỈỉỊị
    ij Ĳĳ
    j Ĵĵǰɉ
    k ĶķƙǨǩḰḱḲḳḴḵ
    l ĹĺĻļĽľĿŀŁłƚḶḷḸḹḺḻḼḽ
    lj Ǉǈǉ
    m ḾḿṀṁṂṃ
    n ÑñŃńŅņŇňŉŊŋƝǸǹṄṅṆṇṈṉṊṋ
    nj Ǌǋǌ
    o ÒÓÔÕÖØòóôõöøŌōŎŏŐőƠơǑǒǪǫǬǭǾǿȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ
    oe Œœ
    p ṔṕṖṗ
    r ŔŕŖŗŘřȐȑȒȓɍṘṙṚṛṜṝṞṟ
    s ŚśŜŝŞşŠšſȘșṠṡṢṣṤṥṦṧṨṩ
    ss ßẞ
    t ŢţŤťŦŧȚțȾṪṫṬṭṮṯṰṱẗ
    th Þþ
    u ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự
    v ṼṽṾṿ
    w ŴŵẀẁẂẃẄẅẆẇẈẉẘ
    x ẊẋẌẍ
    y ÝýÿŶŷŸƴȲȳɏẎẏẙỲỳỴỵỶỷỸỹ
    z ŹźŻżŽžƵƶȥẐẑẒẓẔẕ
    """

    /// First block covered: Latin-1 Supplement letters through Latin Extended-B.
    static let low: ClosedRange<UInt32> = 0xC0...0x24F
    /// Second block covered: Latin Extended Additional (Vietnamese and others).
    static let high: ClosedRange<UInt32> = 0x1E00...0x1EFF

    /// Packed plain forms: up to two ASCII bytes (first in the low byte); 0 when the scalar is not folded here.
    static let lowTable: [UInt16] = build(low)
    static let highTable: [UInt16] = build(high)

    private static func build(_ range: ClosedRange<UInt32>) -> [UInt16] {
        var table = [UInt16](repeating: 0, count: Int(range.upperBound - range.lowerBound) + 1)
        for line in groups.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2 else { continue }
            let plain = Array(fields[0].utf8)
            let packed = UInt16(plain[0]) | (plain.count > 1 ? UInt16(plain[1]) << 8 : 0)
            for s in fields[1].unicodeScalars where range.contains(s.value) {
                table[Int(s.value - range.lowerBound)] = packed
            }
        }
        return table
    }
}
