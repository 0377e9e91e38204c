/*
 * ssl_cert.c — an X.509 certificate as the dict SSLSocket.getpeercert()
 * and _ssl._test_decode_cert() return (CPython's _decode_certificate):
 *
 *   {'subject': ((('countryName', 'XY'),), (('commonName', 'localhost'),)),
 *    'issuer': (...), 'version': 3, 'serialNumber': 'CB2D80995A69525C',
 *    'notBefore': 'Aug 29 14:23:16 2018 GMT', 'notAfter': '...',
 *    'subjectAltName': (('DNS', 'localhost'),),
 *    'OCSP': (...), 'caIssuers': (...), 'crlDistributionPoints': (...)}
 *
 * A name is a tuple of relative distinguished names, each a tuple of
 * (attribute long name, value) pairs; the last four keys appear only when
 * the certificate has those extensions.  OpenSSL prints serial numbers and
 * times; pvm reads its printing back from a memory BIO.
 */
#include <stdio.h>
#include <string.h>
#include "modules/ssl.h"

/* What OpenSSL printed into a memory BIO, as str; the BIO freed. */
static Value bio_text(BIO *bio)
{
    size_t len = ossl.BIO_ctrl_pending(bio);
    char *buf = gc_alloc_atomic(len + 1);
    int n = len > 0 ? ossl.BIO_read(bio, buf, (int)len) : 0;
    ossl.BIO_free(bio);
    return rt_str_new(buf, n > 0 ? (size_t)n : 0);
}

/* An attribute's name: OpenSSL's long name, or the dotted oid. */
static Value attribute_name(const ASN1_OBJECT *obj)
{
    int nid = ossl.OBJ_obj2nid(obj);
    if (nid != NID_undef)
        return rt_str_from_cstr(ossl.OBJ_nid2ln(nid));
    char buf[256];
    int n = ossl.OBJ_obj2txt(buf, sizeof buf, obj, 0);
    return rt_str_new(buf, n > 0 ? ((size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1) : 0);
}

static Value attribute_value(const ASN1_STRING *s)
{
    unsigned char *utf8 = NULL;
    int n = ossl.ASN1_STRING_to_UTF8(&utf8, s);
    if (n < 0) {
        ossl.ERR_clear_error();
        return rt_str_empty();
    }
    Value v = rt_str_new((const char *)utf8, (size_t)n);
    ossl.CRYPTO_free(utf8, __FILE__, __LINE__);
    return v;
}

/* Entries of one RDN share a "set" number: a new one starts a new tuple. */
static Value name_tuple(const X509_NAME *name)
{
    Value dn = rt_list_new(0), rdn = rt_list_new(0);
    int last_set = -1, count = ossl.X509_NAME_entry_count(name);
    for (int i = 0; i < count; i++) {
        const X509_NAME_ENTRY *e = ossl.X509_NAME_get_entry(name, i);
        int set = ossl.X509_NAME_ENTRY_set(e);
        if (set != last_set && AS_LIST(rdn)->length > 0) {
            rt_list_append(dn, rt_list_as_tuple(rdn));
            rdn = rt_list_new(0);
        }
        last_set = set;
        rt_list_append(rdn, rt_tuple_pack(2, attribute_name(ossl.X509_NAME_ENTRY_get_object(e)),
                                          attribute_value(ossl.X509_NAME_ENTRY_get_data(e))));
    }
    if (AS_LIST(rdn)->length > 0)
        rt_list_append(dn, rt_list_as_tuple(rdn));
    return rt_list_as_tuple(dn);
}

static Value asn1_str(const ASN1_STRING *s)
{
    return rt_str_new((const char *)ossl.ASN1_STRING_get0_data(s),
                      (size_t)ossl.ASN1_STRING_length(s));
}

/* "192.0.2.1", or IPv6 as eight uppercase hex groups, uncompressed. */
static Value ip_address(const ASN1_OCTET_STRING *ip)
{
    const unsigned char *p = ossl.ASN1_STRING_get0_data(ip);
    char buf[64];
    int len = ossl.ASN1_STRING_length(ip);
    if (len == 4) {
        snprintf(buf, sizeof buf, "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
    } else if (len == 16) {
        char *out = buf;
        for (int i = 0; i < 16; i += 2)
            out += sprintf(out, i ? ":%X" : "%X", (p[i] << 8) | p[i + 1]);
    } else {
        snprintf(buf, sizeof buf, "<invalid>");
    }
    return rt_str_from_cstr(buf);
}

/* A kind of name OpenSSL only prints ("othername:<unsupported>"): split. */
static Value printed_name(GENERAL_NAME *gn)
{
    BIO *bio = ossl.BIO_new(ossl.BIO_s_mem());
    ossl.GENERAL_NAME_print(bio, gn);
    Value text = bio_text(bio);
    const char *s = rt_str_cstr(text), *colon = strchr(s, ':');
    if (colon == NULL)
        return rt_tuple_pack(2, text, rt_str_empty());
    return rt_tuple_pack(2, rt_str_new(s, (size_t)(colon - s)), rt_str_from_cstr(colon + 1));
}

static Value general_name(GENERAL_NAME *gn)
{
    switch (gn->type) {
    case GEN_DIRNAME:
        return rt_tuple_pack(2, rt_str_from_cstr("DirName"), name_tuple(gn->d.directoryName));
    case GEN_EMAIL:
        return rt_tuple_pack(2, rt_str_from_cstr("email"), asn1_str(gn->d.rfc822Name));
    case GEN_DNS:
        return rt_tuple_pack(2, rt_str_from_cstr("DNS"), asn1_str(gn->d.dNSName));
    case GEN_URI:
        return rt_tuple_pack(2, rt_str_from_cstr("URI"), asn1_str(gn->d.uniformResourceIdentifier));
    case GEN_RID: {
        char buf[256];
        int n = ossl.OBJ_obj2txt(buf, sizeof buf, gn->d.registeredID, 0);
        return rt_tuple_pack(2, rt_str_from_cstr("Registered ID"),
                             rt_str_new(buf, n > 0 && (size_t)n < sizeof buf ? (size_t)n : 0));
    }
    case GEN_IPADD:
        return rt_tuple_pack(2, rt_str_from_cstr("IP Address"), ip_address(gn->d.iPAddress));
    default:
        return printed_name(gn);
    }
}

static size_t stack_len(const void *sk)
{
    int n = ossl.OPENSSL_sk_num((const OPENSSL_STACK *)sk);
    return n > 0 ? (size_t)n : 0;
}

static void *stack_item(const void *sk, size_t i)
{
    return ossl.OPENSSL_sk_value((const OPENSSL_STACK *)sk, (int)i);
}

/* subjectAltName: a tuple of (kind, value), or VAL_NULL when absent. */
static Value alt_names(X509 *cert)
{
    GENERAL_NAMES *names = ossl.X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    if (names == NULL)
        return VAL_NULL;
    Value list = rt_list_new(0);
    for (size_t i = 0; i < stack_len(names); i++)
        rt_list_append(list, general_name(stack_item(names, i)));
    ossl.GENERAL_NAMES_free(names);
    return rt_list_as_tuple(list);
}

/* The URIs of the authority-information-access entries of one method
 * (OCSP or caIssuers). */
static Value access_uris(AUTHORITY_INFO_ACCESS *info, int method)
{
    Value list = rt_list_new(0);
    for (size_t i = 0; info != NULL && i < stack_len(info); i++) {
        ACCESS_DESCRIPTION *ad = stack_item(info, i);
        if (ossl.OBJ_obj2nid(ad->method) == method && ad->location->type == GEN_URI)
            rt_list_append(list, asn1_str(ad->location->d.uniformResourceIdentifier));
    }
    return list;
}

static Value crl_points(X509 *cert)
{
    CRL_DIST_POINTS *points = ossl.X509_get_ext_d2i(cert, NID_crl_distribution_points, NULL, NULL);
    Value list = rt_list_new(0);
    for (size_t i = 0; points != NULL && i < stack_len(points); i++) {
        DIST_POINT *dp = stack_item(points, i);
        if (dp->distpoint == NULL || dp->distpoint->type != 0)
            continue;
        GENERAL_NAMES *names = dp->distpoint->name.fullname;
        for (size_t j = 0; j < stack_len(names); j++) {
            GENERAL_NAME *gn = stack_item(names, j);
            if (gn->type == GEN_URI)
                rt_list_append(list, asn1_str(gn->d.uniformResourceIdentifier));
        }
    }
    if (points != NULL)
        ossl.CRL_DIST_POINTS_free(points);
    return list;
}

/* The serial number in hex, as OpenSSL prints it ("CB2D80995A69525C"). */
static Value serial_number(X509 *cert)
{
    BIO *bio = ossl.BIO_new(ossl.BIO_s_mem());
    ossl.i2a_ASN1_INTEGER(bio, ossl.X509_get_serialNumber(cert));
    return bio_text(bio);
}

static Value cert_time(const ASN1_TIME *t)
{
    BIO *bio = ossl.BIO_new(ossl.BIO_s_mem());
    ossl.ASN1_TIME_print(bio, t);
    return bio_text(bio);
}

static void set_if_any(Value d, const char *key, Value list)
{
    if (list != VAL_NULL && AS_LIST(list)->length > 0)
        rt_dict_set_cstr(d, key, rt_list_as_tuple(list));
}

Value ssl_cert_to_dict(X509 *cert)
{
    Value d = rt_dict_new();
    rt_dict_set_cstr(d, "subject", name_tuple(ossl.X509_get_subject_name(cert)));
    rt_dict_set_cstr(d, "issuer", name_tuple(ossl.X509_get_issuer_name(cert)));
    rt_dict_set_cstr(d, "version", rt_int_from_i64(ossl.X509_get_version(cert) + 1));
    rt_dict_set_cstr(d, "serialNumber", serial_number(cert));
    rt_dict_set_cstr(d, "notBefore", cert_time(ossl.X509_get0_notBefore(cert)));
    rt_dict_set_cstr(d, "notAfter", cert_time(ossl.X509_get0_notAfter(cert)));
    Value alt = alt_names(cert);
    if (alt != VAL_NULL)
        rt_dict_set_cstr(d, "subjectAltName", alt);
    AUTHORITY_INFO_ACCESS *info = ossl.X509_get_ext_d2i(cert, NID_info_access, NULL, NULL);
    set_if_any(d, "OCSP", access_uris(info, NID_ad_OCSP));
    set_if_any(d, "caIssuers", access_uris(info, NID_ad_ca_issuers));
    if (info != NULL)
        ossl.AUTHORITY_INFO_ACCESS_free(info);
    set_if_any(d, "crlDistributionPoints", crl_points(cert));
    return d;
}

Value ssl_cert_to_der(X509 *cert)
{
    unsigned char *der = NULL;
    int n = ossl.i2d_X509(cert, &der);
    if (n < 0)
        return ssl_raise_lib(NULL, SSL_LINE_OTHER);
    Value v = rt_bytes_new(der, (size_t)n);
    ossl.CRYPTO_free(der, __FILE__, __LINE__);
    return v;
}

/* ---- _ssl.Certificate: one certificate of a chain -------------------------------
 * What _SSLSocket.get_verified_chain() / get_unverified_chain() return:
 * the OpenSSL certificate itself, shown by its subject, equal to another
 * with the same contents, and readable as PEM, DER or the getpeercert()
 * dict. */

typedef struct ObjCertificate {
    Object ob;
    X509 *cert;
} ObjCertificate;

static ObjType certificate_type;
#define CERT(v) VAL_AS(ObjCertificate, v)

static void certificate_finalize(void *obj, void *data)
{
    ossl.X509_free(((ObjCertificate *)obj)->cert);
}

Value ssl_certificate_new(X509 *cert)
{
    ObjCertificate *c = gc_alloc(sizeof *c);
    c->ob.type = &certificate_type;
    ossl.X509_up_ref(cert);
    c->cert = cert;
    gc_register_finalizer(c, certificate_finalize, NULL);
    return obj_val(c);
}

/* public_bytes(format=ENCODING_PEM): PEM text, or DER bytes. */
static Value ct_public_bytes(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "format" };
    static const ArgSpec spec = { "public_bytes", names, 1, 0, 0, 1, false };
    Value a[1];
    int64_t format = 1;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) ||
        (a[0] != VAL_NULL && !rt_int_as_i64(a[0], &format)))
        return VAL_NULL;
    if (format == 2)
        return ssl_cert_to_der(CERT(args[0])->cert);
    if (format != 1)
        return rt_raisef(&rt_ValueError, "Unsupported format");
    BIO *bio = ossl.BIO_new(ossl.BIO_s_mem());
    ossl.PEM_write_bio_X509(bio, CERT(args[0])->cert);
    return bio_text(bio);
}

static Value ct_get_info(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_info", nargs - 1, kw))
        return VAL_NULL;
    return ssl_cert_to_dict(CERT(args[0])->cert);
}

/* <_ssl.Certificate 'CN=localhost,O=...'>: the subject in RFC 2253's order. */
static Value certificate_repr(Value self)
{
    BIO *bio = ossl.BIO_new(ossl.BIO_s_mem());
    ossl.X509_NAME_print_ex(bio, ossl.X509_get_subject_name(CERT(self)->cert), 0,
                            XN_FLAG_RFC2253);
    return rt_str_format_c("<_ssl.Certificate %R>", bio_text(bio));
}

static intptr_t certificate_hash(Value self)
{
    intptr_t h = (intptr_t)ossl.X509_subject_name_hash(CERT(self)->cert);
    return h == -1 ? -2 : h;
}

static Value certificate_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || val_type(b) != &certificate_type)
        return rt_NotImplemented;
    bool same = ossl.X509_cmp(CERT(a)->cert, CERT(b)->cert) == 0;
    return rt_bool(op == CMP_EQ ? same : !same);
}

static const MethodDef certificate_methods[] = {
    {"public_bytes", ct_public_bytes}, {"get_info", ct_get_info}, {NULL, NULL}
};

static ObjType certificate_type = {
    .ob.type = &rt_type_type, .name = "_ssl.Certificate", .new_ = mod_no_new,
    .repr = certificate_repr, .hash = certificate_hash,
    .richcompare = certificate_richcompare,
};

void ssl_certificate_add(Value module)
{
    mod_add_type(module, "Certificate", &certificate_type, certificate_methods);
}
