import ParleyServer

/// Configurations the tests start from.
enum ServerConfigurationFixture {
    static var base: ServerConfiguration { ServerConfiguration() }
    static func withToken(_ token: String, maxBody: Int = 8 << 20) -> ServerConfiguration {
        var c = ServerConfiguration()
        c.token = token
        c.maxBodyBytes = maxBody
        return c
    }
}
