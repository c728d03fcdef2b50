// zlib for ParleySources' gzip (.warc.gz, .tar.gz) and ZIP (deflate) readers.
#include <zlib.h>
