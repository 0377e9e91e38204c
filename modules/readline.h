/*
 * readline.h — GNU readline, opened on first use (dlopen) and reached
 * through a table: the readline module (readline.c), pvm's prompt
 * (tools/repl.c) and its debugger (tools/debug.c).
 *
 * libreadline and the libtinfo it needs are not linked: binding their
 * ~560 symbols cost every start-up a seventh of its instructions, for a
 * library only an interactive session uses.  A function is called as
 * mod_rl.add_history(line); a variable is reached through its address,
 * *mod_rl.rl_readline_name = "pvm".  mod_rl_ready() loads the library
 * (false + ImportError if it cannot) before any of them is used.
 */
#ifndef PVM_MODULES_READLINE_H
#define PVM_MODULES_READLINE_H

#include <stdbool.h>
#include <stdio.h>
#include <readline/history.h>
#include <readline/readline.h>
#include "modules/modutil.h"

#define MOD_RL_SYMBOLS(X)                                                               \
    /* functions */                                                                     \
    X(add_history) X(append_history) X(clear_history) X(free_history_entry)             \
    X(history_get) X(history_truncate_file) X(read_history) X(readline)                 \
    X(remove_history) X(replace_history_entry) X(rl_bind_key)                           \
    X(rl_callback_handler_install) X(rl_callback_handler_remove)                        \
    X(rl_callback_read_char) X(rl_callback_sigcleanup) X(rl_cleanup_after_signal)       \
    X(rl_complete) X(rl_completion_matches) X(rl_free_line_state) X(rl_initialize)      \
    X(rl_insert_text) X(rl_parse_and_bind) X(rl_read_init_file) X(rl_redisplay)         \
    X(rl_variable_bind) X(using_history) X(write_history)                               \
    /* variables */                                                                     \
    X(history_base) X(history_length) X(rl_attempted_completion_function)               \
    X(rl_attempted_completion_over) X(rl_basic_word_break_characters)                   \
    X(rl_catch_signals) X(rl_completer_word_break_characters)                           \
    X(rl_completion_append_character) X(rl_completion_display_matches_hook)             \
    X(rl_completion_suppress_append) X(rl_completion_type) X(rl_instream)               \
    X(rl_library_version) X(rl_line_buffer) X(rl_pre_input_hook) X(rl_readline_name)    \
    X(rl_readline_version) X(rl_startup_hook)

#define MOD_RL_ONE(name) + 1
typedef union ModReadline {
    struct { MOD_RL_SYMBOLS(MOD_LIB_POINTER) };
    void *slot[0 MOD_RL_SYMBOLS(MOD_RL_ONE)];      /* the same, as mod_load_library fills them */
} ModReadline;

extern ModReadline mod_rl;

/* Load libreadline (once): false + ImportError if it cannot be. */
bool mod_rl_ready(void);

#endif
