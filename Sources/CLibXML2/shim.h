#ifndef AWXREPORT_CLIBXML2_SHIM_H
#define AWXREPORT_CLIBXML2_SHIM_H
// xmlversion.h first, then switch ICU off: libxml2's ICU headers clash with
// the ICU that Foundation carries ("UErrorCode has different definitions").
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxml/catalog.h>
#include <libxml/SAX2.h>
#include <libxml/xmlIO.h>
#include <libxml/globals.h>
#include <libxml/xmlschemas.h>
#endif
