import Testing
@testable import ParleyCore

private let centralEurope = PageTimeZone(hours: 1, europeanSummerTime: true)

@Test func summerTimeIsTwoHoursAheadOfUTC() {
    #expect(centralEurope.localDay(ofUTCTimestamp: "2024-07-10T22:30:00+00:00") == "2024-07-11")
    #expect(centralEurope.localDay(ofUTCTimestamp: "2024-12-10T22:30:00+00:00") == "2024-12-10")
    #expect(centralEurope.localDay(ofUTCTimestamp: "2024-12-10T23:30:00Z") == "2024-12-11")
}

@Test func summerTimeStartsAndEndsOnTheLastSundays() {
    // 2024: summer time from Sunday 31 March to Sunday 27 October.
    #expect(!PageTimeZone.isEuropeanSummer(PartialDate(year: 2024, month: 3, day: 30)))
    #expect(PageTimeZone.isEuropeanSummer(PartialDate(year: 2024, month: 3, day: 31)))
    #expect(PageTimeZone.isEuropeanSummer(PartialDate(year: 2024, month: 10, day: 26)))
    #expect(!PageTimeZone.isEuropeanSummer(PartialDate(year: 2024, month: 10, day: 27)))
}

@Test func onlyUTCTimestampsAreMoved() {
    #expect(centralEurope.localDay(ofUTCTimestamp: "2024-12-10T23:30:00+02:00") == nil)
    #expect(centralEurope.localDay(ofUTCTimestamp: "2024-12-10") == nil)
    #expect(centralEurope.localDay(ofUTCTimestamp: "10 December 2024 23:30 UTC") == nil)
}
