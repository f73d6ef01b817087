# bash completion for mtaudit                                 -*- shell-script -*-
# Installed as $(DATADIR)/bash-completion/completions/mtaudit.
#
# The options are read from `mtaudit --help` when completed (so an option
# added to the program is completed without editing this file); rule ids
# and categories from `mtaudit --list-rules` (its first column, the ids
# holding a '/'; the categories are the part before it).

_mtaudit_rules() {
    "$1" --list-rules 2>/dev/null |
        awk '$1 ~ /^[a-z][a-z0-9-]*\/[a-z0-9*-]+$/ {
            print $1
            split($1, p, "/")
            if (!(p[1] in seen)) { seen[p[1]] = 1; print p[1]; print p[1] "/*" }
        }'
}

_mtaudit_reply() {
    local w
    COMPREPLY=()
    case $1 in
    -W)
        while IFS= read -r w; do
            [[ -n $w ]] && COMPREPLY+=("$w")
        done < <(compgen -W "$2" -- "$cur")
        ;;
    -f | -d)
        while IFS= read -r w; do
            COMPREPLY+=("$w")
        done < <(compgen "$1" -- "$cur")
        compopt -o filenames 2>/dev/null
        ;;
    esac
    return 0
}

_mtaudit() {
    local cur prev words cword split=false
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -s || return
    else
        # Without the bash-completion package: the plain variables, and
        # --opt=value split by hand.
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        if [[ $cur == '=' && $prev == --* ]]; then
            cur=
        elif [[ $prev == '=' && $COMP_CWORD -ge 2 ]]; then
            prev=${COMP_WORDS[COMP_CWORD - 2]}
        elif [[ $cur == --*=* ]]; then
            prev=${cur%%=*}
            cur=${cur#*=}
            split=true
        fi
    fi
    local prog=${COMP_WORDS[0]}
    command -v -- "$prog" >/dev/null 2>&1 || prog=mtaudit

    # _mtaudit_reply WORDS: the words of WORDS (blank-separated) that
    # start with $cur; -f/-d: files/directories
    case $prev in
    -f | --format)
        _mtaudit_reply -W 'text json jsonl html sarif csv'
        return
        ;;
    --input-format)
        _mtaudit_reply -W 'text html jsonl'
        return
        ;;
    --errors)
        _mtaudit_reply -W 'exit inline'
        return
        ;;
    --color)
        _mtaudit_reply -W 'auto always never'
        return
        ;;
    --fail-on | --min-severity)
        _mtaudit_reply -W 'minor major critical'
        return
        ;;
    --lang)
        _mtaudit_reply -W 'de en'
        return
        ;;
    --disable | --enable | --explain)
        _mtaudit_reply -W "$(_mtaudit_rules "$prog")"
        return
        ;;
    --encoding)
        _mtaudit_reply -W "$(iconv -l 2>/dev/null | tr -s ', /' '\n\n\n')"
        return
        ;;
    -o | --output | --source | --dict | --config | --baseline | --write-baseline)
        _mtaudit_reply -f
        return
        ;;
    --source-dir | --dict-dir)
        _mtaudit_reply -d
        return
        ;;
    -j | --jobs | --fail-under | --fail-unscored | --min-words)
        # a number: nothing to offer
        return
        ;;
    esac
    $split && return

    if [[ $cur == -* ]]; then
        # the options of this mtaudit, from its --help
        _mtaudit_reply -W "$("$prog" --help 2>/dev/null |
            grep -o -e '--[a-z][a-z0-9-]*' | sort -u)"
        return
    fi
    _mtaudit_reply -f
} &&
    complete -F _mtaudit mtaudit
