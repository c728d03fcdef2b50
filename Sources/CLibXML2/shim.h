// libxml2's HTML parser for ParleyCore's reader. Debian builds libxml2 with ICU, whose headers clash with
// the ICU copy inside Foundation; Parley never touches the ICU converter fields, so they are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
