/*
 * frameobject.h — Python's frame objects: what sys._getframe(), tb_frame,
 * gi_frame and a trace function's first argument are.
 *
 * The VM's activation records (vm/frame.h) are not objects: they are
 * carved from a chunked stack and reused the moment a call returns, so a
 * Python object cannot simply point at one.  As in CPython 3.11, a frame
 * object is made only when something asks for it (Frame.obj, at most one
 * per activation), and it reads through to the live record while that
 * runs.  When the record's frame exits (vm_leave_frame), the object takes
 * a copy of what it still needs — the locals, the position, its caller's
 * frame object — so it stays valid, and readable, for as long as anything
 * keeps it (a traceback, a variable).  A frame that never asks for its
 * object pays one test of Frame.obj when it returns.
 */
#ifndef PVM_FRAMEOBJECT_H
#define PVM_FRAMEOBJECT_H

#include "runtime/object.h"
#include "vm/frame.h"

typedef struct ObjFrame {
    Object ob;
    Frame *frame;               /* the live record, or NULL once it exited */
    ObjCode *code;
    Value globals, builtins;
    Value locals;               /* f_locals: the frame's mapping, or a dict
                                 * refreshed from the fast locals; VAL_NULL
                                 * until asked */
    Value extra;                /* 3.13+: the extra locals (names stored
                                 * through a FrameLocalsProxy that are no
                                 * local's) of a module or class body, whose
                                 * `locals` is its namespace; VAL_NULL */
    /* Once the record exited: */
    Value back;                 /* the caller's frame object, or None */
    bool cleared;               /* clear() dropped the saved locals */
    int lasti;                  /* the last instruction, in code units */
    /* Tracing (vm/systrace.c): */
    int lineno;                 /* f_lineno while a trace event runs, else 0 */
    int last_event_line;        /* 3.12+: the line of its last event that had one */
    Value trace;                /* f_trace, or VAL_NULL */
    bool trace_lines, trace_opcodes;
    bool in_event;              /* a trace function is told about this frame */
    bool jumped;                /* it set f_lineno: go on at frame->next_instr */
    bool fast_as_locals;        /* 3.12: f_locals was read since the last
                                 * write-back (CPython's f_fast_as_locals) */
    int resume_at;              /* set from a yield's "return" event: resume at
                                 * code unit resume_at - 1 (0: where it yielded) */
    /* Room for a copy of localsplus (nlocalsplus values), filled when the
     * record exits: part of the object, so that exiting allocates nothing
     * for it (an exception's traceback makes one object per frame). */
    Value saved[];
} ObjFrame;

extern ObjType vm_frame_type;

/* The frame object of a live record, made on first request (NULL with
 * MemoryError set is not possible: allocation failure ends the program). */
ObjFrame *vm_frame_object(Frame *f);
static inline Value vm_frame_object_val(Frame *f)
{
    return obj_val(vm_frame_object(f));
}

/* The record of f exits (vm_leave_frame, only when f->obj is set): the
 * object copies what it needs. */
void vm_frame_object_exit(Frame *f);

/* The frame's line now: f_lineno. */
int vm_frame_object_line(ObjFrame *fo);

/* f_locals: bring the dict up to date with the fast locals (CPython's
 * PyFrame_FastToLocals) and return it; VAL_NULL on error.  What locals()
 * returns: in a module or class body where an inlined comprehension's
 * variables are bound, a new dict (see vm_hidden_bound). */
Value vm_frame_object_locals(ObjFrame *fo);
/* 3.12+: whether code running with these fast locals is a module or class
 * body inside a comprehension inlined into it (PEP 709): one of its hidden
 * slots holds a value. */
bool vm_hidden_bound(ObjCode *co, const Value *fast);
/* After a trace function ran: what it stored in f_locals goes back into
 * the fast locals of the live record (PyFrame_LocalsToFast). */
void vm_frame_object_locals_to_fast(ObjFrame *fo);

/* A trace function set f_lineno of the frame it is told about (a "line"
 * event): check the jump as CPython does (vm/framejump.c), then move the
 * frame to the first instruction of that line, popping what the stack
 * there lacks.  False with ValueError set. */
bool vm_frame_jump(ObjFrame *fo, long lineno);

void vm_frame_type_init(void);

#endif
