/*
 * suggestions.c — the "Did you mean: 'x'?" an uncaught AttributeError or
 * NameError ends with (CPython 3.11's Python/suggestions.c): the closest
 * name, by a Levenshtein distance where a change of case costs half a
 * move, among dir(obj) for an AttributeError, or for a NameError among
 * the failing frame's local names, then its globals, then its builtins.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/builtins.h"
#include "runtime/version.h"

enum { MOVE_COST = 2, CASE_COST = 1, MAX_CANDIDATE_ITEMS = 750, MAX_STRING_SIZE = 40 };

static size_t substitution_cost(char a, char b)
{
    if (a == b)
        return 0;
    return tolower((unsigned char)a) == tolower((unsigned char)b) ? CASE_COST : MOVE_COST;
}

/* The distance between a and b, or something above max_cost once it is
 * sure to exceed it. */
static size_t levenshtein(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    size_t row[MAX_STRING_SIZE];
    while (na && nb && a[0] == b[0]) {               /* common prefix and suffix */
        a++, b++, na--, nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1]) {
        na--, nb--;
    }
    if (na == 0 || nb == 0)
        return (na + nb) * MOVE_COST;
    if (na > MAX_STRING_SIZE || nb > MAX_STRING_SIZE)
        return max_cost + 1;
    if (nb < na) {                                   /* a is the shorter */
        const char *t = a; a = b; b = t;
        size_t n = na; na = nb; nb = n;
    }
    if ((nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        size_t distance = result = bi * MOVE_COST, minimum = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = distance + substitution_cost(b[bi], a[i]);
            distance = row[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The candidate in `names` (a list) closest to name, or VAL_NULL. */
static Value closest(Value names, Value name)
{
    if (names == VAL_NULL || !rt_isinstance_of(names, &rt_list_type))
        return VAL_NULL;
    size_t n = AS_LIST(names)->length;
    if (n >= MAX_CANDIDATE_ITEMS)
        return VAL_NULL;
    const char *s = rt_str_cstr(name);
    size_t ns = rt_str_nbytes(name), best_distance = SIZE_MAX;
    Value best = VAL_NULL;
    for (size_t i = 0; i < n; i++) {
        Value item = AS_LIST(names)->items[i];
        if (!rt_is_str(item) || rt_str_equal(item, name))
            continue;
        size_t ni = rt_str_nbytes(item);
        size_t max_distance = (ns + ni + 3) * MOVE_COST / 6;
        if (best_distance - 1 < max_distance)
            max_distance = best_distance - 1;
        size_t d = levenshtein(s, ns, rt_str_cstr(item), ni, max_distance);
        if (d > max_distance)
            continue;
        if (best == VAL_NULL || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

Value rt_closest_name(Value names, Value name)
{
    return closest(names, name);
}

static Value list_of(Value v)
{
    return v == VAL_NULL || v == rt_None ? VAL_NULL : rt_sequence_to_list(v);
}

static Value for_attribute_error(Value exc)
{
    Value name = rt_getattr_cstr(exc, "name");
    Value obj = name != VAL_NULL ? rt_getattr_cstr(exc, "obj") : VAL_NULL;
    if (obj == VAL_NULL || !rt_is_str(name))
        return VAL_NULL;
    Value dir = rt_dict_get_cstr(rt_builtins_dict, "dir");
    return dir != VAL_NULL ? closest(rt_call1(dir, obj), name) : VAL_NULL;
}

static Value for_name_error(Value exc)
{
    Value name = rt_getattr_cstr(exc, "name");
    Value tb = AS_EXC(exc)->traceback;
    if (name == VAL_NULL || !rt_is_str(name) || tb == VAL_NULL || tb == rt_None)
        return VAL_NULL;
    while (VAL_AS(ObjTraceback, tb)->next != rt_None)
        tb = VAL_AS(ObjTraceback, tb)->next;
    ObjTraceback *last = VAL_AS(ObjTraceback, tb);
    Value found = last->code ? closest(list_of(last->code->localsplusnames), name) : VAL_NULL;
    if (last->frame == VAL_NULL || last->frame == rt_None)
        return found;
    if (found == VAL_NULL)
        found = closest(list_of(rt_getattr_cstr(last->frame, "f_globals")), name);
    if (found == VAL_NULL)
        found = closest(list_of(rt_getattr_cstr(last->frame, "f_builtins")), name);
    return found;
}

/* `from module import name` failing (3.12): the closest of the module's
 * public names (all of them when name starts with '_').  3.12 takes the
 * module from sys.modules; 3.13's traceback module imports it again, which
 * runs a module whose import failed once more. */
static Value for_import_error(Value exc)
{
    Value name = rt_getattr_cstr(exc, "name_from");
    Value modname = name != VAL_NULL ? rt_getattr_cstr(exc, "name") : VAL_NULL;
    if (modname == VAL_NULL || !rt_is_str(name) || !rt_is_str(modname))
        return VAL_NULL;
    Value imp = rt_dict_get_cstr(rt_builtins_dict, "__import__"), mod = VAL_NULL;
    if (imp != VAL_NULL && rt_py_minor >= 13) {
        mod = rt_call1(imp, modname);
    } else if (imp != VAL_NULL) {
        Value sys = rt_call1(imp, rt_str_from_cstr("sys"));
        Value modules = sys != VAL_NULL ? rt_getattr_cstr(sys, "modules") : VAL_NULL;
        mod = modules != VAL_NULL ? rt_getitem(modules, modname) : VAL_NULL;
    }
    Value dir = rt_dict_get_cstr(rt_builtins_dict, "dir");
    Value names = mod != VAL_NULL && dir != VAL_NULL ? rt_call1(dir, mod) : VAL_NULL;
    if (names == VAL_NULL || !rt_isinstance_of(names, &rt_list_type))
        return VAL_NULL;
    if (rt_str_cstr(name)[0] != '_') {
        Value public = rt_list_new(0);
        for (size_t i = 0; i < AS_LIST(names)->length; i++) {
            Value item = AS_LIST(names)->items[i];
            if (!rt_is_str(item) || rt_str_cstr(item)[0] != '_')
                rt_list_append(public, item);
        }
        names = public;
    }
    return closest(names, name);
}

Value rt_exc_suggestion(Value exc)
{
    Value saved = rt_err_fetch();
    Value found = VAL_NULL;
    if (rt_isinstance_of(exc, &rt_AttributeError))
        found = for_attribute_error(exc);
    else if (rt_isinstance_of(exc, &rt_NameError))
        found = for_name_error(exc);
    else if (rt_py_minor >= 12 && rt_isinstance_of(exc, &rt_ImportError))
        found = for_import_error(exc);
    rt_err_clear();
    if (saved != VAL_NULL)
        rt_raise(saved);
    return found;
}
