import Foundation
import Testing
@testable import ParleyCore
@testable import ParleyStore

/// The tables behind the charts: counted alike by both backends, partners beyond the main ones gathered as "other".
@Suite("Contact charts")
struct ContactChartsTests {
    @Test func partnersBeyondTheMainOnesAreOther() {
        let rows: [[String?]] = (1...8).map { n in ["2024", "C\(n)", String(n)] } + [[nil, "C8", "1"]]
        let t = ContactCharts.table(.countryPartners("GHA"), rows: rows)
        #expect(t.series == ["C8", "C7", "C6", "C5", "C4", "other"])
        #expect(t.years == ["2024", ""])
        #expect(t.count(year: "2024", series: "other") == 1 + 2 + 3)
        #expect(t.total(year: "2024") == 36 && t.total(year: "") == 1)
        #expect(t.csv.hasPrefix("year,series,count\n2024,C8,8\n"))
    }

    @Test func channelsAndTypesAreNotGathered() {
        let rows: [[String?]] = ["party", "state", "mixed", "other", "parliament", "not coded", "x"].map { ["2024", $0, "1"] }
        #expect(ContactCharts.table(.pairChannels("GHA", "KEN"), rows: rows).series.count == 7)
    }

    @Test("a pair's contacts per year by channel and type, and a country's by partner", arguments: BackendSuiteTests.Backend.available)
    func chartsFromTheStore(_ backend: BackendSuiteTests.Backend) throws {
        try BackendSuiteTests.withStore(backend) { store throws in
            for r in ChannelStoreTests.releases() { _ = try store.ingest(r.0, r.1) }
            let browse = try #require(store as? any BrowsableStore)
            let channels = try browse.chart(.pairChannels("GHA", "KEN"))
            #expect(channels.years == ["2024"] && Set(channels.series) == ["party", "state"])
            #expect(channels.total(year: "2024") == 2)
            let types = try browse.chart(.pairTypes("KEN", "GHA"))
            #expect(types.cells == [ChartTable.Cell(year: "2024", series: "MEET", count: 2)])
            let partners = try browse.chart(.countryPartners("GHA"))
            #expect(partners.series == ["KEN"] && partners.total(year: "2024") == 2)
            #expect(try browse.chart(.organizationPartners(999)).cells.isEmpty)
        }
    }
}
