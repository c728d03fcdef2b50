import CLibXML2

/// Keeps libxml2 quiet. Its parse options (`HTML_PARSE_NOERROR`, `XML_PARSE_NOERROR`) silence the parser's own
/// messages, but errors raised outside a parser context — bytes that do not convert from a page's declared
/// charset ("encoding error : input conversion failed", "I/O error : encoder error") — still go to standard
/// error. Parley reports bad input itself, so libxml2's reports are dropped; `xmlGetLastError` still holds the last one.
public enum LibXMLErrors {
    /// Drops libxml2's error reports on the calling thread (libxml2 keeps its error handler per thread, so
    /// every parse calls this first).
    public static func silenceOnThisThread() {
        xmlSetStructuredErrorFunc(nil, ignoreLibXMLError)
    }
}

private func ignoreLibXMLError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {}
