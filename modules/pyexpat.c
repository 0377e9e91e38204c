/*
 * pyexpat.c — the pyexpat module (CPython's Modules/pyexpat.c) on libexpat:
 * the XML parser under Lib/xml/parsers/expat.py, and so under
 * xml.etree.ElementTree, xml.dom.minidom, xml.sax, plistlib and xmlrpc.
 *
 *   ParserCreate(encoding=None, namespace_separator=None, intern=<new dict>)
 *   xmlparser      Parse, ParseFile, SetBase/GetBase, GetInputContext,
 *                  ExternalEntityParserCreate, SetParamEntityParsing,
 *                  UseForeignDTD; one attribute per expat callback
 *                  (StartElementHandler ...: any object, None to remove);
 *                  buffer_text/buffer_size/buffer_used, ordered_attributes,
 *                  specified_attributes, namespace_prefixes, intern, and
 *                  the Error* and Current* positions
 *   ExpatError     (also `error`) with code, lineno and offset
 *   errors, model  the submodules of constants (pyexpat.errors: the error
 *                  messages, `codes` and `messages`; pyexpat.model: the
 *                  content-model types and quantifiers)
 *   ErrorString, EXPAT_VERSION, version_info, native_encoding, features,
 *   XML_PARAM_ENTITY_PARSING_*
 *
 * Expat calls back into C for each event; the callback turns expat's UTF-8
 * into str (names through the parser's `intern` dict) and calls the Python
 * handler.  A handler that raises stops the parser, and Parse returns with
 * that exception; as in CPython every handler is then cleared.  With
 * buffer_text, character data is gathered (up to buffer_size bytes) and
 * given to CharacterDataHandler in one call before any other handler runs.
 * libexpat allocates its parser with malloc, outside the collector's heap;
 * a finaliser frees it.  A handler's exception carries, as in CPython, a
 * traceback entry for the C function it was called from.  Not here:
 * expat_CAPI (pvm has no capsules).
 */
#include <limits.h>
#include <string.h>
#include <expat.h>
#include "runtime/version.h"
#include "vm/vm.h"
#include "modules/api.h"
#include "modules/modutil.h"

/* One entry per handler attribute, in CPython's order:
 *   X(A, id, attribute, expat's setter, the C callback)
 * (A: whatever the user of the list passes through). */
#define HANDLERS(X, A) \
    X(A, H_START_ELEMENT, "StartElementHandler", XML_SetStartElementHandler, on_start_element) \
    X(A, H_END_ELEMENT, "EndElementHandler", XML_SetEndElementHandler, on_end_element) \
    X(A, H_PI, "ProcessingInstructionHandler", XML_SetProcessingInstructionHandler, on_pi) \
    X(A, H_CHARACTER_DATA, "CharacterDataHandler", XML_SetCharacterDataHandler, on_character_data) \
    X(A, H_UNPARSED_ENTITY_DECL, "UnparsedEntityDeclHandler", XML_SetUnparsedEntityDeclHandler, \
      on_unparsed_entity_decl) \
    X(A, H_NOTATION_DECL, "NotationDeclHandler", XML_SetNotationDeclHandler, on_notation_decl) \
    X(A, H_START_NS_DECL, "StartNamespaceDeclHandler", XML_SetStartNamespaceDeclHandler, \
      on_start_ns_decl) \
    X(A, H_END_NS_DECL, "EndNamespaceDeclHandler", XML_SetEndNamespaceDeclHandler, on_end_ns_decl) \
    X(A, H_COMMENT, "CommentHandler", XML_SetCommentHandler, on_comment) \
    X(A, H_START_CDATA, "StartCdataSectionHandler", XML_SetStartCdataSectionHandler, on_start_cdata) \
    X(A, H_END_CDATA, "EndCdataSectionHandler", XML_SetEndCdataSectionHandler, on_end_cdata) \
    X(A, H_DEFAULT, "DefaultHandler", XML_SetDefaultHandler, on_default) \
    X(A, H_DEFAULT_EXPAND, "DefaultHandlerExpand", XML_SetDefaultHandlerExpand, on_default_expand) \
    X(A, H_NOT_STANDALONE, "NotStandaloneHandler", XML_SetNotStandaloneHandler, on_not_standalone) \
    X(A, H_EXTERNAL_ENTITY_REF, "ExternalEntityRefHandler", XML_SetExternalEntityRefHandler, \
      on_external_entity_ref) \
    X(A, H_START_DOCTYPE, "StartDoctypeDeclHandler", XML_SetStartDoctypeDeclHandler, \
      on_start_doctype) \
    X(A, H_END_DOCTYPE, "EndDoctypeDeclHandler", XML_SetEndDoctypeDeclHandler, on_end_doctype) \
    X(A, H_ENTITY_DECL, "EntityDeclHandler", XML_SetEntityDeclHandler, on_entity_decl) \
    X(A, H_XML_DECL, "XmlDeclHandler", XML_SetXmlDeclHandler, on_xml_decl) \
    X(A, H_ELEMENT_DECL, "ElementDeclHandler", XML_SetElementDeclHandler, on_element_decl) \
    X(A, H_ATTLIST_DECL, "AttlistDeclHandler", XML_SetAttlistDeclHandler, on_attlist_decl) \
    X(A, H_SKIPPED_ENTITY, "SkippedEntityHandler", XML_SetSkippedEntityHandler, on_skipped_entity)

#define HANDLER_ID(A, id, attr, setter, fn) id,
enum { HANDLERS(HANDLER_ID, ) N_HANDLERS };

/* libexpat is opened on first import (dlopen, see mod_load_library) and
 * called through this table, each function typed as expat.h declares it. */
#define HANDLER_SETTER(A, id, attr, setter, fn) A(setter)
#define EX_FUNCTIONS(X) \
    X(XML_ParserCreate_MM) X(XML_ParserFree) X(XML_SetUserData) \
    X(XML_SetUnknownEncodingHandler) X(XML_Parse) X(XML_ParseBuffer) X(XML_GetBuffer) \
    X(XML_GetErrorCode) X(XML_ErrorString) X(XML_GetCurrentLineNumber) \
    X(XML_GetCurrentColumnNumber) X(XML_GetCurrentByteIndex) X(XML_StopParser) \
    X(XML_SetEncoding) X(XML_SetBase) X(XML_GetBase) X(XML_GetInputContext) \
    X(XML_ExternalEntityParserCreate) X(XML_SetParamEntityParsing) X(XML_UseForeignDTD) \
    X(XML_SetReturnNSTriplet) X(XML_GetSpecifiedAttributeCount) X(XML_FreeContentModel) \
    X(XML_ExpatVersion) X(XML_ExpatVersionInfo) X(XML_GetFeatureList) \
    HANDLERS(HANDLER_SETTER, X)
MOD_LIBRARY(ex, "libexpat.so.1", EX_FUNCTIONS)

enum {
    CHARACTER_BUFFER_SIZE = 8192,       /* buffer_size's default */
    READ_SIZE = 2048,                   /* what ParseFile asks read() for */
    MAX_CHUNK = 1 << 30,                /* Parse gives expat at most this at once */
};

typedef struct ObjParser {
    Object ob;
    XML_Parser xp;
    Value intern;                       /* dict, or VAL_NULL: no interning */
    Value parent;                       /* the parser an external entity parser came from */
    char *buffer;                       /* buffer_text's character data, or NULL */
    int buffer_size, buffer_used;
    bool ordered_attributes, specified_attributes, ns_prefixes, in_callback;
    Value handlers[N_HANDLERS];         /* VAL_NULL: none */
} ObjParser;

#define P(v) VAL_AS(ObjParser, v)

static ObjType parser_type;
static ObjType expat_error = {
    .ob.type = &rt_type_type, .name = "xml.parsers.expat.ExpatError", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static void free_parser(void *obj, void *data)
{
    ex.XML_ParserFree(((ObjParser *)obj)->xp);
}

/* ---- turning expat's UTF-8 into values ------------------------------------------- */

static Value text_len(const XML_Char *s, size_t n)
{
    return s == NULL ? rt_None : rt_str_new(s, n);
}

static Value text(const XML_Char *s)
{
    return s == NULL ? rt_None : rt_str_new(s, strlen(s));
}

/* A name, the same str each time it recurs (through the intern dict). */
static Value name_of(ObjParser *p, const XML_Char *s)
{
    Value v = text(s);
    if (s == NULL || p->intern == VAL_NULL)
        return v;
    Value known = rt_dict_get_str(p->intern, v);
    if (known != VAL_NULL)
        return known;
    if (!rt_dict_set(p->intern, v, v))
        return VAL_NULL;
    return v;
}

/* ---- calling the Python handlers ----------------------------------------------- */

static void set_c_handler(ObjParser *p, int h, bool on);

static int XMLCALL refuse_external_entity(XML_Parser xp, const XML_Char *context,
                                          const XML_Char *base, const XML_Char *system_id,
                                          const XML_Char *public_id)
{
    return 0;
}

static void XMLCALL ignore_character_data(void *data, const XML_Char *s, int len)
{
}

/* A handler raised: expat stops, and every handler goes (CPython's
 * flag_error). */
static void handler_failed(ObjParser *p)
{
    ex.XML_StopParser(p->xp, XML_FALSE);
    for (int h = 0; h < N_HANDLERS; h++) {
        p->handlers[h] = VAL_NULL;
        set_c_handler(p, h, false);
    }
    ex.XML_SetExternalEntityRefHandler(p->xp, refuse_external_entity);
}

/* The C function of CPython's pyexpat.c each handler is called from, and
 * the line of that call in python3.11's build: a handler's exception
 * shows it in its traceback, between the Parse call and the handler. */
static const struct { const char *name; int line; } c_callbacks[N_HANDLERS] = {
    [H_START_ELEMENT] = {"StartElement", 417}, [H_END_ELEMENT] = {"EndElement", 469},
    [H_PI] = {"ProcessingInstruction", 473}, [H_CHARACTER_DATA] = {"CharacterData", 282},
    [H_UNPARSED_ENTITY_DECL] = {"UnparsedEntityDecl", 479},
    [H_NOTATION_DECL] = {"NotationDecl", 619}, [H_START_NS_DECL] = {"StartNamespaceDecl", 629},
    [H_END_NS_DECL] = {"EndNamespaceDecl", 636}, [H_COMMENT] = {"Comment", 641},
    [H_START_CDATA] = {"StartCdataSection", 645}, [H_END_CDATA] = {"EndCdataSection", 649},
    [H_DEFAULT] = {"Default", 653}, [H_DEFAULT_EXPAND] = {"DefaultHandlerExpand", 657},
    [H_NOT_STANDALONE] = {"NotStandalone", 662},
    [H_EXTERNAL_ENTITY_REF] = {"ExternalEntityRef", 666},
    [H_START_DOCTYPE] = {"StartDoctypeDecl", 681}, [H_END_DOCTYPE] = {"EndDoctypeDecl", 689},
    [H_ENTITY_DECL] = {"EntityDecl", 491}, [H_XML_DECL] = {"XmlDecl", 508},
    [H_ELEMENT_DECL] = {"ElementDecl", 583}, [H_ATTLIST_DECL] = {"AttlistDecl", 598},
    [H_SKIPPED_ENTITY] = {"SkippedEntity", 611},
};

/* Call handler h with the given arguments (a tuple); VAL_NULL when it
 * raised (the parser is then stopped). */
static Value call_handler(ObjParser *p, int h, Value args)
{
    if (args == VAL_NULL || p->handlers[h] == VAL_NULL) {
        if (args == VAL_NULL)
            handler_failed(p);
        return VAL_NULL;
    }
    p->in_callback = true;
    Value r = rt_call(p->handlers[h], AS_TUPLE(args)->items, rt_tuple_len(args), VAL_NULL);
    p->in_callback = false;
    if (r == VAL_NULL) {
        vm_traceback_add_c(c_callbacks[h].name, "../Modules/pyexpat.c", c_callbacks[h].line);
        handler_failed(p);
    }
    return r;
}

static Value call_character_handler(ObjParser *p, const XML_Char *s, int len)
{
    if (p->handlers[H_CHARACTER_DATA] == VAL_NULL)
        return VAL_NULL;
    Value r = call_handler(p, H_CHARACTER_DATA, rt_tuple_pack(1, text_len(s, (size_t)len)));
    if (r == VAL_NULL)
        ex.XML_SetCharacterDataHandler(p->xp, ignore_character_data);
    return r;
}

/* Give the gathered character data to CharacterDataHandler; false if it
 * raised. */
static bool flush_buffer(ObjParser *p)
{
    if (p->buffer == NULL || p->buffer_used == 0)
        return true;
    int used = p->buffer_used;
    p->buffer_used = 0;
    return call_character_handler(p, p->buffer, used) != VAL_NULL || !rt_err_occurred();
}

/* Whether handler h is to be called now: it is set, nothing failed
 * before, and the character data before this event has been given out. */
static bool wants(ObjParser *p, int h)
{
    return p->handlers[h] != VAL_NULL && !rt_err_occurred() && flush_buffer(p) &&
           p->handlers[h] != VAL_NULL;
}

/* The usual callback: handler h with n arguments, result dropped. */
static void notify(ObjParser *p, int h, size_t n, ...)
{
    va_list ap;
    va_start(ap, n);
    Value items[8];
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        items[i] = va_arg(ap, Value);
        ok = ok && items[i] != VAL_NULL;
    }
    va_end(ap);
    call_handler(p, h, ok ? rt_tuple_from(items, n) : VAL_NULL);
}

/* A handler whose result expat uses (an int): `dflt` when it is not
 * called or fails. */
static int int_result(Value r, int dflt)
{
    ssize_t v;
    if (r == VAL_NULL || !rt_as_ssize(r, &v))
        return dflt;
    return (int)v;
}

static void XMLCALL on_start_element(void *data, const XML_Char *name, const XML_Char **atts)
{
    ObjParser *p = data;
    if (!wants(p, H_START_ELEMENT))
        return;
    int max = 0;
    if (p->specified_attributes)
        max = ex.XML_GetSpecifiedAttributeCount(p->xp);
    else
        while (atts[max] != NULL)
            max += 2;
    Value attrs = p->ordered_attributes ? rt_list_new((size_t)max) : rt_dict_new();
    for (int i = 0; i < max; i += 2) {
        Value n = name_of(p, atts[i]);
        if (n == VAL_NULL)
            return (void)handler_failed(p);
        Value v = text(atts[i + 1]);
        if (p->ordered_attributes) {
            rt_list_append(attrs, n);
            rt_list_append(attrs, v);
        } else if (!rt_dict_set(attrs, n, v)) {
            return (void)handler_failed(p);
        }
    }
    notify(p, H_START_ELEMENT, 2, name_of(p, name), attrs);
}

static void XMLCALL on_end_element(void *data, const XML_Char *name)
{
    ObjParser *p = data;
    if (wants(p, H_END_ELEMENT))
        notify(p, H_END_ELEMENT, 1, name_of(p, name));
}

static void XMLCALL on_pi(void *data, const XML_Char *target, const XML_Char *pi)
{
    ObjParser *p = data;
    if (wants(p, H_PI))
        notify(p, H_PI, 2, name_of(p, target), text(pi));
}

static void XMLCALL on_character_data(void *data, const XML_Char *s, int len)
{
    ObjParser *p = data;
    if (rt_err_occurred())
        return;
    if (p->buffer == NULL) {
        call_character_handler(p, s, len);
        return;
    }
    if (p->buffer_used + len > p->buffer_size) {
        if (!flush_buffer(p) || p->handlers[H_CHARACTER_DATA] == VAL_NULL)
            return;
    }
    if (len > p->buffer_size) {
        call_character_handler(p, s, len);
        p->buffer_used = 0;
    } else {
        memcpy(p->buffer + p->buffer_used, s, (size_t)len);
        p->buffer_used += len;
    }
}

static void XMLCALL on_unparsed_entity_decl(void *data, const XML_Char *entity,
                                            const XML_Char *base, const XML_Char *system_id,
                                            const XML_Char *public_id, const XML_Char *notation)
{
    ObjParser *p = data;
    if (wants(p, H_UNPARSED_ENTITY_DECL))
        notify(p, H_UNPARSED_ENTITY_DECL, 5, name_of(p, entity), name_of(p, base),
               name_of(p, system_id), name_of(p, public_id), name_of(p, notation));
}

static void XMLCALL on_entity_decl(void *data, const XML_Char *entity, int is_parameter,
                                   const XML_Char *value, int value_len, const XML_Char *base,
                                   const XML_Char *system_id, const XML_Char *public_id,
                                   const XML_Char *notation)
{
    ObjParser *p = data;
    if (wants(p, H_ENTITY_DECL))
        notify(p, H_ENTITY_DECL, 7, name_of(p, entity), small_new(is_parameter),
               text_len(value, (size_t)value_len), name_of(p, base), name_of(p, system_id),
               name_of(p, public_id), name_of(p, notation));
}

static void XMLCALL on_xml_decl(void *data, const XML_Char *version, const XML_Char *encoding,
                                int standalone)
{
    ObjParser *p = data;
    if (wants(p, H_XML_DECL))
        notify(p, H_XML_DECL, 3, text(version), text(encoding), small_new(standalone));
}

/* (type, quantifier, name, children) for a content model, recursively
 * (each level counts against the recursion limit, as in CPython). */
static Value content_model(const XML_Content *m)
{
    if (!vm_enter_recursive_call(" in conv_content_model"))
        return VAL_NULL;
    Value children = rt_tuple_new(m->numchildren);
    for (unsigned i = 0; i < m->numchildren && children != VAL_NULL; i++) {
        Value child = content_model(&m->children[i]);
        AS_TUPLE(children)->items[i] = child;
        if (child == VAL_NULL)
            children = VAL_NULL;
    }
    vm_leave_recursive_call();
    if (children == VAL_NULL)
        return VAL_NULL;
    return rt_tuple_pack(4, small_new(m->type), small_new(m->quant), text(m->name), children);
}

static void XMLCALL on_element_decl(void *data, const XML_Char *name, XML_Content *model)
{
    ObjParser *p = data;
    if (wants(p, H_ELEMENT_DECL))
        notify(p, H_ELEMENT_DECL, 2, name_of(p, name), content_model(model));
    ex.XML_FreeContentModel(p->xp, model);
}

static void XMLCALL on_attlist_decl(void *data, const XML_Char *element, const XML_Char *attr,
                                    const XML_Char *type, const XML_Char *dflt, int required)
{
    ObjParser *p = data;
    if (wants(p, H_ATTLIST_DECL))
        notify(p, H_ATTLIST_DECL, 5, name_of(p, element), name_of(p, attr), text(type),
               text(dflt), small_new(required));
}

static void XMLCALL on_skipped_entity(void *data, const XML_Char *entity, int is_parameter)
{
    ObjParser *p = data;
    if (wants(p, H_SKIPPED_ENTITY))
        notify(p, H_SKIPPED_ENTITY, 2, name_of(p, entity), small_new(is_parameter));
}

static void XMLCALL on_notation_decl(void *data, const XML_Char *notation, const XML_Char *base,
                                     const XML_Char *system_id, const XML_Char *public_id)
{
    ObjParser *p = data;
    if (wants(p, H_NOTATION_DECL))
        notify(p, H_NOTATION_DECL, 4, name_of(p, notation), name_of(p, base),
               name_of(p, system_id), name_of(p, public_id));
}

static void XMLCALL on_start_ns_decl(void *data, const XML_Char *prefix, const XML_Char *uri)
{
    ObjParser *p = data;
    if (wants(p, H_START_NS_DECL))
        notify(p, H_START_NS_DECL, 2, name_of(p, prefix), name_of(p, uri));
}

static void XMLCALL on_end_ns_decl(void *data, const XML_Char *prefix)
{
    ObjParser *p = data;
    if (wants(p, H_END_NS_DECL))
        notify(p, H_END_NS_DECL, 1, name_of(p, prefix));
}

static void XMLCALL on_comment(void *data, const XML_Char *s)
{
    ObjParser *p = data;
    if (wants(p, H_COMMENT))
        notify(p, H_COMMENT, 1, text(s));
}

static void XMLCALL on_start_cdata(void *data)
{
    ObjParser *p = data;
    if (wants(p, H_START_CDATA))
        notify(p, H_START_CDATA, 0);
}

static void XMLCALL on_end_cdata(void *data)
{
    ObjParser *p = data;
    if (wants(p, H_END_CDATA))
        notify(p, H_END_CDATA, 0);
}

static void XMLCALL on_default(void *data, const XML_Char *s, int len)
{
    ObjParser *p = data;
    if (wants(p, H_DEFAULT))
        notify(p, H_DEFAULT, 1, text_len(s, (size_t)len));
}

static void XMLCALL on_default_expand(void *data, const XML_Char *s, int len)
{
    ObjParser *p = data;
    if (wants(p, H_DEFAULT_EXPAND))
        notify(p, H_DEFAULT_EXPAND, 1, text_len(s, (size_t)len));
}

static int XMLCALL on_not_standalone(void *data)
{
    ObjParser *p = data;
    if (!wants(p, H_NOT_STANDALONE))
        return 0;
    return int_result(call_handler(p, H_NOT_STANDALONE, rt_empty_tuple), 0);
}

static int XMLCALL on_external_entity_ref(XML_Parser xp, const XML_Char *context,
                                          const XML_Char *base, const XML_Char *system_id,
                                          const XML_Char *public_id)
{
    ObjParser *p = XML_GetUserData(xp);
    if (!wants(p, H_EXTERNAL_ENTITY_REF))
        return 0;
    Value args = rt_tuple_pack(4, text(context), name_of(p, base), name_of(p, system_id),
                               name_of(p, public_id));
    for (size_t i = 0; i < 4; i++)
        if (AS_TUPLE(args)->items[i] == VAL_NULL)
            args = VAL_NULL;
    return int_result(call_handler(p, H_EXTERNAL_ENTITY_REF, args), 0);
}

static void XMLCALL on_start_doctype(void *data, const XML_Char *name, const XML_Char *system_id,
                                     const XML_Char *public_id, int has_internal_subset)
{
    ObjParser *p = data;
    if (wants(p, H_START_DOCTYPE))
        notify(p, H_START_DOCTYPE, 4, name_of(p, name), name_of(p, system_id),
               name_of(p, public_id), small_new(has_internal_subset));
}

static void XMLCALL on_end_doctype(void *data)
{
    ObjParser *p = data;
    if (wants(p, H_END_DOCTYPE))
        notify(p, H_END_DOCTYPE, 0);
}

/* Install (on) or remove the C callback of handler h in expat. */
static void set_c_handler(ObjParser *p, int h, bool on)
{
    switch (h) {
#define SET_CASE(A, id, attr, setter, fn) case id: ex.setter(p->xp, on ? fn : NULL); break;
    HANDLERS(SET_CASE, )
#undef SET_CASE
    }
}

/* An encoding expat does not know: a one-byte codec Python has (cp1252,
 * koi8-r ...), as the map of its 256 bytes (undecodable ones -1). */
static int XMLCALL unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info)
{
    if (rt_err_occurred())
        return XML_STATUS_ERROR;
    unsigned char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (unsigned char)i;
    Value u = rt_bytes_decode(all, 256, rt_str_from_cstr(name), rt_str_from_cstr("replace"));
    if (u == VAL_NULL)
        return XML_STATUS_ERROR;
    if (AS_STR(u)->length != 256) {
        rt_raisef(&rt_ValueError, "multi-byte encodings are not supported");
        return XML_STATUS_ERROR;
    }
    for (size_t i = 0; i < 256; i++) {
        uint32_t c = rt_str_char_at(u, i);
        info->map[i] = c == 0xFFFD ? -1 : (int)c;
    }
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return XML_STATUS_OK;
}

/* ---- errors ----------------------------------------------------------------------- */

static void set_int_attr(Value obj, const char *name, long v)
{
    rt_setattr(obj, rt_str_from_cstr(name), small_new(v));
}

/* ExpatError "<message>: line N, column M" with code, offset and lineno. */
static Value raise_expat(ObjParser *p, enum XML_Error code)
{
    int line = (int)ex.XML_GetCurrentLineNumber(p->xp);
    int column = (int)ex.XML_GetCurrentColumnNumber(p->xp);
    Value msg = rt_str_format_c("%s: line %d, column %d", ex.XML_ErrorString(code), line, column);
    Value exc = rt_exc_new(&expat_error, rt_tuple_pack(1, msg));
    if (exc == VAL_NULL)
        return VAL_NULL;
    set_int_attr(exc, "code", code);
    set_int_attr(exc, "offset", column);
    set_int_attr(exc, "lineno", line);
    return rt_raise(exc);
}

/* What Parse and ParseFile return: 1, or the exception (a handler's, or
 * ExpatError for the document). */
static Value parse_result(ObjParser *p, int status)
{
    if (rt_err_occurred())
        return VAL_NULL;
    if (status == 0)
        return raise_expat(p, ex.XML_GetErrorCode(p->xp));
    if (!flush_buffer(p))
        return VAL_NULL;
    return small_new(status);
}

/* ---- the parser object ------------------------------------------------------------ */

static ObjParser *parser_new(void)
{
    ObjParser *p = rt_alloc_instance(&parser_type, sizeof(ObjParser));
    p->buffer_size = CHARACTER_BUFFER_SIZE;
    return p;
}

/* Own the expat parser xp (NULL: RuntimeError). */
static Value parser_adopt(ObjParser *p, XML_Parser xp)
{
    if (xp == NULL)
        return rt_raisef(&rt_RuntimeError, "XML_ParserCreate failed");
    p->xp = xp;
    gc_register_finalizer(p, free_parser, NULL);
    ex.XML_SetUserData(xp, p);
    ex.XML_SetUnknownEncodingHandler(xp, unknown_encoding, NULL);
    return obj_val(p);
}

/* A str argument (or None when or_none) as C text; false + TypeError. */
static bool str_arg(const char *fname, const char *what, Value v, bool or_none, const char **out)
{
    if (or_none && v == rt_None) {
        *out = NULL;
        return true;
    }
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "%s() %s must be str%s, not %T", fname, what,
                  or_none ? " or None" : "", v);
        return false;
    }
    *out = rt_str_cstr(v);
    if (strlen(*out) != rt_str_nbytes(v)) {
        rt_raisef(&rt_ValueError, "embedded null character");
        return false;
    }
    return true;
}

static Value pyexpat_ParserCreate(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "encoding", "namespace_separator", "intern" };
    static const ArgSpec spec = { "ParserCreate", names, 3, 0, 0, 3, false };
    Value a[3];
    const char *encoding = NULL, *separator = NULL;
    if (!rt_parse_args(&spec, args, nargs, kw, a) ||
        (a[0] != VAL_NULL &&
         !str_arg("ParserCreate", "argument 'encoding'", a[0], true, &encoding)) ||
        (a[1] != VAL_NULL &&
         !str_arg("ParserCreate", "argument 'namespace_separator'", a[1], true, &separator)))
        return VAL_NULL;
    if (separator != NULL && strlen(separator) > 1)
        return rt_raisef(&rt_ValueError, "namespace_separator must be at most one character, "
                         "omitted, or None");
    Value intern = a[2];
    if (intern == rt_None)
        intern = VAL_NULL;
    else if (intern == VAL_NULL)
        intern = rt_dict_new();
    else if (!(val_type(intern)->flags & TF_DICT_SUBCLASS) && val_type(intern) != &rt_dict_type)
        return rt_raisef(&rt_TypeError, "intern must be a dictionary");
    ObjParser *p = parser_new();
    p->intern = intern;
    return parser_adopt(p, ex.XML_ParserCreate_MM(encoding, NULL, separator));
}

static Value parser_Parse(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "data", "isfinal" };
    static const ArgSpec spec = { "Parse", names, 2, 2, 1, 2, false };
    Value a[2];
    ssize_t isfinal = 0;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) ||
        (a[1] != VAL_NULL && !rt_as_ssize(a[1], &isfinal)))
        return VAL_NULL;
    ObjParser *p = P(args[0]);
    const char *s;
    size_t n;
    if (rt_is_str(a[0])) {
        s = rt_str_cstr(a[0]);
        n = rt_str_nbytes(a[0]);
        size_t length;
        /* a lone surrogate: UTF-8's error, as CPython encodes the text */
        if (!AS_STR(a[0])->ascii && !rt_utf8_valid_strict((const unsigned char *)s, n, &length))
            return rt_str_encode(a[0], "utf-8", "strict");
        ex.XML_SetEncoding(p->xp, "utf-8");
    } else {
        ModBuffer b;
        if (!mod_get_buffer(a[0], &b))
            return VAL_NULL;
        s = (const char *)b.data;
        n = b.len;
    }
    int status;
    for (; n > MAX_CHUNK; s += MAX_CHUNK, n -= MAX_CHUNK) {
        status = ex.XML_Parse(p->xp, s, MAX_CHUNK, 0);
        if (status == 0)
            return parse_result(p, status);
    }
    status = ex.XML_Parse(p->xp, s, (int)n, isfinal != 0);
    return parse_result(p, status);
}

/* read(size) into buf: the count, or -1 with an exception set. */
static int read_into(Value read, void *buf, int size)
{
    Value data = rt_call1(read, small_new(size));
    if (data == VAL_NULL)
        return -1;
    ObjType *t = val_type(data);
    ModBuffer b;
    if ((t != &rt_bytes_type && t != &rt_bytearray_type && !rt_is_subtype(t, &rt_bytes_type) &&
         !rt_is_subtype(t, &rt_bytearray_type)) || !mod_get_buffer(data, &b)) {
        rt_err_clear();
        rt_raisef(&rt_TypeError, "read() did not return a bytes object (type=%s)", t->name);
        return -1;
    }
    if (b.len > (size_t)size) {
        rt_raisef(&rt_ValueError, "read() returned too much data: %d bytes requested, %zu "
                  "returned", size, b.len);
        return -1;
    }
    memcpy(buf, b.data, b.len);
    return (int)b.len;
}

static Value parser_ParseFile(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "file" };
    static const ArgSpec spec = { "ParseFile", names, 1, 1, 1, 1, false };
    Value file;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, &file))
        return VAL_NULL;
    ObjParser *p = P(args[0]);
    Value read = rt_lookup_attr(file, rt_str_from_cstr("read"));
    if (read == VAL_NULL) {
        if (rt_err_occurred())
            return VAL_NULL;
        return rt_raisef(&rt_TypeError, "argument must have 'read' attribute");
    }
    int status = 1;
    for (;;) {
        void *buf = ex.XML_GetBuffer(p->xp, READ_SIZE);
        if (buf == NULL)
            return parse_result(p, 0);
        int got = read_into(read, buf, READ_SIZE);
        if (got < 0)
            return VAL_NULL;
        status = ex.XML_ParseBuffer(p->xp, got, got == 0);
        if (rt_err_occurred())
            return VAL_NULL;
        if (status == 0 || got == 0)
            break;
    }
    return parse_result(p, status);
}

static Value parser_SetBase(Value *args, size_t nargs, Value kw)
{
    const char *base;
    if (!rt_arg_one("xmlparser.SetBase", nargs - 1, kw) ||
        !str_arg("SetBase", "argument", args[1], false, &base))
        return VAL_NULL;
    if (!ex.XML_SetBase(P(args[0])->xp, base))
        return rt_raise_nomemory();
    return rt_None;
}

static Value parser_GetBase(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("GetBase", nargs - 1, kw))
        return VAL_NULL;
    return text(ex.XML_GetBase(P(args[0])->xp));
}

static Value parser_GetInputContext(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("GetInputContext", nargs - 1, kw))
        return VAL_NULL;
    ObjParser *p = P(args[0]);
    if (!p->in_callback)
        return rt_None;
    int offset, size;
    const char *buf = ex.XML_GetInputContext(p->xp, &offset, &size);
    if (buf == NULL)
        return rt_None;
    return rt_bytes_new((const unsigned char *)buf + offset, (size_t)(size - offset));
}

static Value parser_ExternalEntityParserCreate(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "context", "encoding" };
    static const ArgSpec spec = { "ExternalEntityParserCreate", names, 2, 2, 1, 2, false };
    Value a[2];
    const char *context, *encoding = NULL;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) ||
        !str_arg("ExternalEntityParserCreate", "argument 1", a[0], true, &context) ||
        (a[1] != VAL_NULL &&
         !str_arg("ExternalEntityParserCreate", "argument 2", a[1], false, &encoding)))
        return VAL_NULL;
    ObjParser *self = P(args[0]);
    ObjParser *p = parser_new();
    p->buffer_size = self->buffer_size;
    p->ordered_attributes = self->ordered_attributes;
    p->specified_attributes = self->specified_attributes;
    p->ns_prefixes = self->ns_prefixes;
    p->intern = self->intern;
    p->parent = obj_val(self);
    if (self->buffer != NULL)
        p->buffer = gc_alloc_atomic((size_t)p->buffer_size);
    if (parser_adopt(p, ex.XML_ExternalEntityParserCreate(self->xp, context, encoding)) ==
        VAL_NULL)
        return VAL_NULL;
    for (int h = 0; h < N_HANDLERS; h++) {
        p->handlers[h] = self->handlers[h];
        if (p->handlers[h] != VAL_NULL)
            set_c_handler(p, h, true);
    }
    return obj_val(p);
}

static Value parser_SetParamEntityParsing(Value *args, size_t nargs, Value kw)
{
    ssize_t flag;
    if (!rt_arg_one("xmlparser.SetParamEntityParsing", nargs - 1, kw) ||
        !rt_as_ssize(args[1], &flag))
        return VAL_NULL;
    return small_new(ex.XML_SetParamEntityParsing(P(args[0])->xp,
                                                  (enum XML_ParamEntityParsing)flag));
}

static Value parser_UseForeignDTD(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "flag" };
    static const ArgSpec spec = { "UseForeignDTD", names, 1, 1, 0, 1, false };
    Value flag;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, &flag))
        return VAL_NULL;
    int on = flag == VAL_NULL ? 1 : rt_truthy(flag);
    if (on < 0)
        return VAL_NULL;
    ObjParser *p = P(args[0]);
    enum XML_Error rc = ex.XML_UseForeignDTD(p->xp, on ? XML_TRUE : XML_FALSE);
    if (rc != XML_ERROR_NONE)
        return raise_expat(p, rc);
    return rt_None;
}

/* 3.13's (for expat 2.6's reparse deferral, which 2.5 has not: always off). */
static Value parser_GetReparseDeferralEnabled(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("GetReparseDeferralEnabled", nargs - 1, kw))
        return VAL_NULL;
    return rt_False;
}

static Value parser_SetReparseDeferralEnabled(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("xmlparser.SetReparseDeferralEnabled", nargs - 1, kw) ||
        rt_truthy(args[1]) < 0)
        return VAL_NULL;
    return rt_None;
}

/* ---- attributes --------------------------------------------------------------------- */

static Value handler_get(Value self, int h)
{
    Value v = P(self)->handlers[h];
    return v == VAL_NULL ? rt_None : v;
}

static int cannot_delete(void)
{
    rt_raisef(&rt_RuntimeError, "Cannot delete attribute");
    return -1;
}

static int handler_set(Value self, int h, Value v)
{
    ObjParser *p = P(self);
    if (v == VAL_NULL)
        return cannot_delete();
    if (h == H_CHARACTER_DATA && !flush_buffer(p))
        return -1;
    if (v == rt_None) {
        p->handlers[h] = VAL_NULL;
        if (h == H_CHARACTER_DATA && p->in_callback)
            ex.XML_SetCharacterDataHandler(p->xp, ignore_character_data);
        else
            set_c_handler(p, h, false);
    } else {
        p->handlers[h] = v;
        set_c_handler(p, h, true);
    }
    return 0;
}

#define HANDLER_ACCESSORS(A, id, attr, setter, fn) \
    static Value get_##id(Value self) { return handler_get(self, id); } \
    static int set_##id(Value self, Value v) { return handler_set(self, id, v); }
HANDLERS(HANDLER_ACCESSORS, )

/* A bool attribute's new value: 0/1, or -1 (deleting, or a failed
 * truth test). */
static int flag_value(Value v)
{
    return v == VAL_NULL ? cannot_delete() : rt_truthy(v);
}

static Value get_buffer_text(Value self) { return rt_bool(P(self)->buffer != NULL); }

static int set_buffer_text(Value self, Value v)
{
    ObjParser *p = P(self);
    int on = flag_value(v);
    if (on < 0)
        return -1;
    if (on && p->buffer == NULL) {
        p->buffer = gc_alloc_atomic((size_t)p->buffer_size);
        p->buffer_used = 0;
    } else if (!on && p->buffer != NULL) {
        if (!flush_buffer(p))
            return -1;
        p->buffer = NULL;
    }
    return 0;
}

static Value get_buffer_size(Value self) { return small_new(P(self)->buffer_size); }

static int set_buffer_size(Value self, Value v)
{
    ObjParser *p = P(self);
    if (v == VAL_NULL)
        return cannot_delete();
    if (!(val_type(v)->flags & TF_INT_SUBCLASS) && val_type(v) != &rt_int_type) {
        rt_raisef(&rt_TypeError, "buffer_size must be an integer");
        return -1;
    }
    ssize_t size;
    if (!mod_int_as_ssize(v, &size)) {
        if (!rt_err_matches(&rt_OverflowError))
            return -1;
        rt_err_clear();
        size = INT_MAX + 1L;
    }
    if (size <= 0) {
        rt_raisef(&rt_ValueError, "buffer_size must be greater than zero");
        return -1;
    }
    if (size > INT_MAX) {
        rt_raisef(&rt_ValueError, "buffer_size must not be greater than %d", INT_MAX);
        return -1;
    }
    if (p->buffer != NULL) {
        if (p->buffer_size == size)
            return 0;
        if (!flush_buffer(p))
            return -1;
        p->buffer = gc_alloc_atomic((size_t)size);
    }
    p->buffer_size = (int)size;
    return 0;
}

static Value get_buffer_used(Value self) { return small_new(P(self)->buffer_used); }

#define FLAG_ACCESSORS(field) \
    static Value get_##field(Value self) { return rt_bool(P(self)->field); } \
    static int set_##field(Value self, Value v) \
    { \
        int on = flag_value(v); \
        if (on < 0) \
            return -1; \
        P(self)->field = on; \
        return 0; \
    }
FLAG_ACCESSORS(ordered_attributes)
FLAG_ACCESSORS(specified_attributes)

static Value get_namespace_prefixes(Value self) { return rt_bool(P(self)->ns_prefixes); }

static int set_namespace_prefixes(Value self, Value v)
{
    int on = flag_value(v);
    if (on < 0)
        return -1;
    P(self)->ns_prefixes = on;
    ex.XML_SetReturnNSTriplet(P(self)->xp, on);
    return 0;
}

static Value get_ErrorCode(Value self) { return small_new(ex.XML_GetErrorCode(P(self)->xp)); }
static Value get_LineNumber(Value self)
{
    return small_new((intptr_t)ex.XML_GetCurrentLineNumber(P(self)->xp));
}
static Value get_ColumnNumber(Value self)
{
    return small_new((intptr_t)ex.XML_GetCurrentColumnNumber(P(self)->xp));
}
static Value get_ByteIndex(Value self)
{
    return small_new((intptr_t)ex.XML_GetCurrentByteIndex(P(self)->xp));
}

#define HANDLER_GETSET(A, id, attr, setter, fn) {attr, get_##id, set_##id},
static const GetSetDef parser_getsets[] = {
    HANDLERS(HANDLER_GETSET, )
    {"ErrorCode", get_ErrorCode},
    {"ErrorLineNumber", get_LineNumber},
    {"ErrorColumnNumber", get_ColumnNumber},
    {"ErrorByteIndex", get_ByteIndex},
    {"CurrentLineNumber", get_LineNumber},
    {"CurrentColumnNumber", get_ColumnNumber},
    {"CurrentByteIndex", get_ByteIndex},
    {"buffer_size", get_buffer_size, set_buffer_size},
    {"buffer_text", get_buffer_text, set_buffer_text},
    {"buffer_used", get_buffer_used},
    {"namespace_prefixes", get_namespace_prefixes, set_namespace_prefixes},
    {"ordered_attributes", get_ordered_attributes, set_ordered_attributes},
    {"specified_attributes", get_specified_attributes, set_specified_attributes},
    {NULL}
};

static const MemberDef parser_members[] = {
    {"intern", offsetof(ObjParser, intern), RT_MEMBER_VALUE, RT_READONLY},
    {NULL}
};

static const MethodDef parser_methods[] = {
    {"Parse", parser_Parse},
    {"ParseFile", parser_ParseFile},
    {"SetBase", parser_SetBase},
    {"GetBase", parser_GetBase},
    {"GetInputContext", parser_GetInputContext},
    {"ExternalEntityParserCreate", parser_ExternalEntityParserCreate},
    {"SetParamEntityParsing", parser_SetParamEntityParsing},
    {"UseForeignDTD", parser_UseForeignDTD},
    {NULL, NULL}
};

static const MethodDef reparse_methods[] = {
    {"GetReparseDeferralEnabled", parser_GetReparseDeferralEnabled},
    {"SetReparseDeferralEnabled", parser_SetReparseDeferralEnabled},
    {NULL, NULL}
};

static ObjType parser_type = {
    .ob.type = &rt_type_type, .name = "pyexpat.xmlparser", .new_ = mod_no_new,
    .getsets = parser_getsets, .members = parser_members,
};

/* ---- the module --------------------------------------------------------------------- */

static Value pyexpat_ErrorString(Value *args, size_t nargs, Value kw)
{
    ssize_t code;
    if (!rt_arg_one("ErrorString", nargs, kw) || !rt_as_ssize(args[0], &code))
        return VAL_NULL;
    return text(ex.XML_ErrorString((enum XML_Error)code));
}

/* expat's error codes, in expat.h's order (XML_ERROR_NONE is not listed). */
#define ERRORS(X) \
    X(NO_MEMORY) X(SYNTAX) X(NO_ELEMENTS) X(INVALID_TOKEN) X(UNCLOSED_TOKEN) X(PARTIAL_CHAR) \
    X(TAG_MISMATCH) X(DUPLICATE_ATTRIBUTE) X(JUNK_AFTER_DOC_ELEMENT) X(PARAM_ENTITY_REF) \
    X(UNDEFINED_ENTITY) X(RECURSIVE_ENTITY_REF) X(ASYNC_ENTITY) X(BAD_CHAR_REF) \
    X(BINARY_ENTITY_REF) X(ATTRIBUTE_EXTERNAL_ENTITY_REF) X(MISPLACED_XML_PI) \
    X(UNKNOWN_ENCODING) X(INCORRECT_ENCODING) X(UNCLOSED_CDATA_SECTION) \
    X(EXTERNAL_ENTITY_HANDLING) X(NOT_STANDALONE) X(UNEXPECTED_STATE) \
    X(ENTITY_DECLARED_IN_PE) X(FEATURE_REQUIRES_XML_DTD) X(CANT_CHANGE_FEATURE_ONCE_PARSING) \
    X(UNBOUND_PREFIX) X(UNDECLARING_PREFIX) X(INCOMPLETE_PE) X(XML_DECL) X(TEXT_DECL) \
    X(PUBLICID) X(SUSPENDED) X(NOT_SUSPENDED) X(ABORTED) X(FINISHED) X(SUSPEND_PE) \
    X(RESERVED_PREFIX_XML) X(RESERVED_PREFIX_XMLNS) X(RESERVED_NAMESPACE_URI) \
    X(INVALID_ARGUMENT) X(NO_BUFFER) X(AMPLIFICATION_LIMIT_BREACH)

/* A submodule `pyexpat.<name>`, also in sys.modules as CPython adds it. */
static Value submodule(Value m, const char *name, const char *doc)
{
    char full[32];
    snprintf(full, sizeof full, "pyexpat.%s", name);
    Value sub = mod_module_new(full, NULL);
    mod_module_set(sub, "__doc__", rt_str_from_cstr(doc));
    rt_dict_set(mod_sys_modules(), rt_str_from_cstr(full), sub);
    mod_module_set(m, name, sub);
    return sub;
}

static void add_errors(Value m)
{
    Value errors = submodule(m, "errors", "Constants used to describe error conditions.");
    Value codes = rt_dict_new(), messages = rt_dict_new();
#define ADD_ERROR(name) \
    { \
        Value msg = rt_str_from_cstr(ex.XML_ErrorString(XML_ERROR_##name)); \
        mod_module_set(errors, "XML_ERROR_" #name, msg); \
        rt_dict_set(codes, msg, small_new(XML_ERROR_##name)); \
        rt_dict_set(messages, small_new(XML_ERROR_##name), msg); \
    }
    ERRORS(ADD_ERROR)
#undef ADD_ERROR
    mod_module_set(errors, "codes", codes);
    mod_module_set(errors, "messages", messages);
}

static void add_model(Value m)
{
    Value model = submodule(m, "model", "Constants used to interpret content model information.");
#define ADD_CONST(name) mod_module_set(model, #name, small_new(name));
    ADD_CONST(XML_CTYPE_EMPTY) ADD_CONST(XML_CTYPE_ANY) ADD_CONST(XML_CTYPE_MIXED)
    ADD_CONST(XML_CTYPE_NAME) ADD_CONST(XML_CTYPE_CHOICE) ADD_CONST(XML_CTYPE_SEQ)
    ADD_CONST(XML_CQUANT_NONE) ADD_CONST(XML_CQUANT_OPT) ADD_CONST(XML_CQUANT_REP)
    ADD_CONST(XML_CQUANT_PLUS)
#undef ADD_CONST
}

static const MethodDef pyexpat_functions[] = {
    {"ParserCreate", pyexpat_ParserCreate},
    {"ErrorString", pyexpat_ErrorString},
    {NULL, NULL}
};

Value mod_pyexpat_init(void)
{
    if (!ex_ready())
        return VAL_NULL;
    if (parser_type.mro == VAL_NULL) {
        rt_type_ready(&parser_type, parser_methods);
        if (rt_py_minor >= 13)
            rt_type_add_methods(&parser_type, reparse_methods);
        rt_type_ready(&expat_error, NULL);
    }
    Value m = mod_module_new("pyexpat", pyexpat_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr("Python wrapper for Expat parser."));
    mod_module_set(m, "XMLParserType", obj_val(&parser_type));
    mod_module_set(m, "ExpatError", obj_val(&expat_error));
    mod_module_set(m, "error", obj_val(&expat_error));
    mod_module_set(m, "EXPAT_VERSION", rt_str_from_cstr(ex.XML_ExpatVersion()));
    XML_Expat_Version v = ex.XML_ExpatVersionInfo();
    mod_module_set(m, "version_info", rt_tuple_pack(3, small_new(v.major), small_new(v.minor),
                                                    small_new(v.micro)));
    mod_module_set(m, "native_encoding", rt_str_from_cstr("UTF-8"));
    add_errors(m);
    add_model(m);
    Value features = rt_list_new(0);
    for (const XML_Feature *f = ex.XML_GetFeatureList(); f->feature != XML_FEATURE_END; f++)
        rt_list_append(features, rt_tuple_pack(2, rt_str_from_cstr(f->name),
                                               small_new(f->value)));
    mod_module_set(m, "features", features);
    mod_module_set(m, "XML_PARAM_ENTITY_PARSING_NEVER",
                   small_new(XML_PARAM_ENTITY_PARSING_NEVER));
    mod_module_set(m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
                   small_new(XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE));
    mod_module_set(m, "XML_PARAM_ENTITY_PARSING_ALWAYS",
                   small_new(XML_PARAM_ENTITY_PARSING_ALWAYS));
    return m;
}
