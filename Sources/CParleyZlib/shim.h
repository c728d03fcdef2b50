// zlib for ParleySources' gzip (.warc.gz, .tar.gz) reader and WARC writer. Not named CZlib: ZIPFoundation has a module of that name.
#include <zlib.h>
