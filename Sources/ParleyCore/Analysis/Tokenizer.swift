/// Splits text into tokens by scanning its UTF-8 bytes once.
///
/// Words keep internal apostrophes (`Xi'an`, `O'Neill`); a final possessive `'s` becomes its own token;
/// hyphens, dashes, full stops and quotes are punctuation tokens, marked `attached` when no space
/// separates them from their neighbour, so later stages can rebuild `U.S.`, `Al-Sayed` or `2024.11.14`.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        text.utf8.withContiguousStorageIfAvailable { buf in
            scan(buf, into: &tokens)
        } ?? {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { scan($0, into: &tokens) }
        }()
        return tokens
    }

    private enum ByteClass { case space, newline, wordStart, punct }

    /// Length of a multi-byte punctuation or space sequence at `i`, with its plain replacement (or nil for space).
    @inline(__always)
    private func special(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (len: Int, replacement: String?)? {
        let c = b[i]
        if c == 0xC2, i + 1 < b.count {
            switch b[i + 1] {
            case 0xA0: return (2, nil)
            case 0xAB, 0xBB: return (2, "\"")
            case 0xB7: return (2, "·")
            default: return nil
            }
        }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80 {
            let d = b[i + 2]
            switch d {
            case 0x80...0x8B, 0xAF: return (3, nil)
            case 0x90...0x95: return (3, "-")
            case 0x98, 0x99, 0x9A, 0x9B: return (3, "'")
            case 0x9C, 0x9D, 0x9E, 0x9F: return (3, "\"")
            case 0xA2, 0xA6, 0xA7: return (3, "·")
            default: return (3, "·")
            }
        }
        if c == 0xE3, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] <= 0x82 {
            return (3, b[i + 2] == 0x80 ? nil : (b[i + 2] == 0x81 ? "," : "."))
        }
        if c == 0xEF, i + 2 < b.count, b[i + 1] == 0xBC || b[i + 1] == 0xBB {
            if b[i + 1] == 0xBB, b[i + 2] == 0xBF { return (3, nil) }  // BOM
            if b[i + 1] == 0xBC { return (3, "·") }
        }
        return nil
    }

    @inline(__always)
    private func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c >= 0x80
    }

    private func scan(_ b: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        var i = 0
        let n = b.count
        var attached = false
        var newlines = 0
        while i < n {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x0B {
                attached = false; i += 1; continue
            }
            if c == 0x0A { newlines += 1; attached = false; i += 1; continue }
            var flags: Token.Flags = attached && !tokens.isEmpty ? [.attached] : []
            if newlines > 0 { flags.insert(.newlineBefore) }
            if newlines > 1 { flags.insert(.blankLineBefore) }
            if c >= 0x80, let sp = special(b, i) {
                if let rep = sp.replacement {
                    // A typographic apostrophe inside a word is handled by the word scanner; here it is a quote.
                    tokens.append(Token(span: TextSpan(i, i + sp.len), text: String(decoding: UnsafeBufferPointer(rebasing: b[i..<i + sp.len]), as: UTF8.self),
                                        key: rep, kind: .punctuation, flags: flags))
                    attached = true
                    newlines = 0
                } else {
                    attached = false
                }
                i += sp.len
                continue
            }
            if isWordByte(c) {
                let start = i
                var j = i
                var sawApostrophe = false
                while j < n {
                    let d = b[j]
                    if d >= 0x80 {
                        if let sp = special(b, j) {
                            // ’ between letters stays inside the word.
                            if sp.replacement == "'", sp.len == 3, b[j + 2] == 0x99, j + 3 < n, isWordByte(b[j + 3]), j > start {
                                sawApostrophe = true; j += 3; continue
                            }
                            break
                        }
                        j += 1
                        continue
                    }
                    if isWordByte(d) { j += 1; continue }
                    if d == 0x27, j + 1 < n, isWordByte(b[j + 1]), j > start { sawApostrophe = true; j += 1; continue }
                    break
                }
                var end = j
                var possessive: (Int, Int)? = nil
                if sawApostrophe {
                    // Split a trailing possessive 's / ’s.
                    if end - start >= 3, b[end - 1] == 0x73 || b[end - 1] == 0x53 {
                        if b[end - 2] == 0x27 { possessive = (end - 2, end); end -= 2 }
                        else if end - start >= 5, b[end - 2] == 0x99, b[end - 3] == 0x80, b[end - 4] == 0xE2 { possessive = (end - 4, end); end -= 4 }
                    }
                }
                tokens.append(makeWord(b, start, end, flags))
                if let (ps, pe) = possessive {
                    tokens.append(Token(span: TextSpan(ps, pe), text: String(decoding: UnsafeBufferPointer(rebasing: b[ps..<pe]), as: UTF8.self),
                                        key: "'s", kind: .word, flags: [.attached]))
                }
                attached = true
                newlines = 0
                i = j
                continue
            }
            // ASCII punctuation or symbol: one byte per token.
            let text = String(UnicodeScalar(c))
            tokens.append(Token(span: TextSpan(i, i + 1), text: text, key: text, kind: .punctuation, flags: flags))
            attached = true
            newlines = 0
            i += 1
        }
    }

    private func makeWord(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ baseFlags: Token.Flags) -> Token {
        var flags = baseFlags
        var ascii = true
        var upper = 0, lower = 0, letters = 0
        for k in start..<end {
            let c = b[k]
            if c >= 0x80 { ascii = false }
            else if c >= 0x41 && c <= 0x5A { upper += 1; letters += 1 }
            else if c >= 0x61 && c <= 0x7A { lower += 1; letters += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        let first = b[start]
        let kind: Token.Kind = (first >= 0x30 && first <= 0x39) ? .number : .word
        var key: String
        if ascii {
            if upper == 0 { key = text } else {
                var bytes = [UInt8](UnsafeBufferPointer(rebasing: b[start..<end]))
                for k in bytes.indices where bytes[k] >= 0x41 && bytes[k] <= 0x5A { bytes[k] |= 0x20 }
                key = String(decoding: bytes, as: UTF8.self)
            }
            if first >= 0x41 && first <= 0x5A { flags.insert(.capitalized) }
            if upper >= 2 && lower == 0 { flags.insert(.allCaps) }
            if end - start == 1 && upper == 1 { flags.insert(.singleLetter) }
        } else {
            key = TextNormalizer.fold(text)
            var u = 0, l = 0
            for s in text.unicodeScalars where s.properties.isAlphabetic {
                if s.properties.isUppercase { u += 1 } else if s.properties.isLowercase { l += 1 }
            }
            if let s = text.unicodeScalars.first, s.properties.isUppercase { flags.insert(.capitalized) }
            if u >= 2 && l == 0 { flags.insert(.allCaps) }
            if text.unicodeScalars.count == 1 && u == 1 { flags.insert(.singleLetter) }
        }
        return Token(span: TextSpan(start, end), text: text, key: key, kind: kind, flags: flags)
    }
}
