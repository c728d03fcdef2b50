import Foundation
import CLibXML2
import ParleyCore

/// A parsed XML document (libxml2) with the few tree walks the feed and sitemap readers need: child elements
/// by local name (namespaces ignored), text content and attributes. Entities are not expanded and no network
/// access is allowed, so a hostile feed cannot read files or reach other hosts.
final class XMLTree {
    let doc: xmlDocPtr

    /// Parses `bytes`; throws the parser's message when the XML is not well-formed.
    init(_ bytes: [UInt8], source: String) throws(SourceError) {
        xmlInitParser()
        LibXMLErrors.silenceOnThisThread()
        xmlResetLastError()
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(clamping: buffer.count), nil, nil, options)
            }
        }
        guard let parsed else {
            var detail = "not well-formed XML"
            if let e = xmlGetLastError(), let m = e.pointee.message {
                detail += " (line \(e.pointee.line): \(String(cString: m).trimmingCharacters(in: .whitespacesAndNewlines)))"
            }
            throw SourceError(source: source, message: detail)
        }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    var root: xmlNodePtr? { xmlDocGetRootElement(doc) }

    static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Child elements of `node`, optionally only those with local name `name`.
    static func children(_ node: xmlNodePtr, named name: String? = nil) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE, name == nil || localName(n) == name { out.append(n) }
            c = n.pointee.next
        }
        return out
    }

    /// The trimmed text of the first child element named `name`, or nil when absent or empty.
    static func childText(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let c = children(node, named: name).first else { return nil }
        let t = text(c)
        return t.isEmpty ? nil : t
    }

    /// The trimmed text content of `node` (its text and CDATA descendants).
    static func text(_ node: xmlNodePtr) -> String {
        var bytes: [UInt8] = []
        func collect(_ n: xmlNodePtr) {
            var c = n.pointee.children
            while let child = c {
                if child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE, let content = child.pointee.content {
                    var p = content
                    while p.pointee != 0 { bytes.append(p.pointee); p += 1 }
                } else if child.pointee.type == XML_ELEMENT_NODE {
                    collect(child)
                }
                c = child.pointee.next
            }
        }
        collect(node)
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The value of attribute `name` (local name), or nil.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var a = node.pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, String(cString: n) == name {
                var bytes: [UInt8] = []
                var c = attr.pointee.children
                while let child = c {
                    if var p = child.pointee.content { while p.pointee != 0 { bytes.append(p.pointee); p += 1 } }
                    c = child.pointee.next
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            a = attr.pointee.next
        }
        return nil
    }
}
