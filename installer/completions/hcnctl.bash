# bash completion for hcnctl (installed as /usr/share/bash-completion/completions/hcnctl).
# The commands and options are those of `hcnctl --help` and `hcnctl COMMAND --help`;
# scripts/package-check.sh compares the command list with the installed hcnctl's help.

_hcnctl()
{
    local cur prev words cword
    _init_completion || return

    local commands="list show create modify delete events call batch version import explain check diff trace bundle record help"
    local globals="--socket --token-file --ca-file --embedded --snapshot --library --json --help"
    local kinds="networks endpoints namespaces loadbalancers sdnroutes guestnetworkservices gns"

    case $prev in
        --socket)
            _filedir
            return
            ;;
        --token-file | --ca-file | --snapshot | -f | --file | --key-file | --mapping)
            _filedir
            return
            ;;
        --library)
            # An optional PATH: a library file, or go on with the command.
            _filedir
            COMPREPLY+=($(compgen -W "$commands" -- "$cur"))
            return
            ;;
        --severity)
            COMPREPLY=($(compgen -W "error warning info" -- "$cur"))
            return
            ;;
        --proto)
            COMPREPLY=($(compgen -W "tcp udp icmp" -- "$cur"))
            return
            ;;
        --filter | --id | --network | --duration | --count | --port | --host-address | --poll | --max-changes)
            return
            ;;
    esac

    # The command is the first word that is neither an option nor an option's value.
    local i command="" position=0
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --socket | --token-file | --ca-file | --snapshot | -f | --file | --filter | --id | --network | \
                --duration | --count | --severity | --port | --proto | --key-file | --mapping | --host-address | \
                --poll | --max-changes)
                ((i++))
                ;;
            --library)
                # Its PATH is optional: the next word is it unless it is a command or an option.
                if ((i + 1 < cword)) && [[ ${words[i + 1]} != -* && " $commands " != *" ${words[i + 1]} "* ]]; then
                    ((i++))
                fi
                ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then
                    command=${words[i]}
                else
                    ((position++))
                fi
                ;;
        esac
    done

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$globals" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    local options=""
    case $command in
        list) options="-d --detailed --filter" ;;
        create) options="-f --file --id --network" ;;
        modify | call | batch) options="-f --file" ;;
        events) options="--follow --duration --count" ;;
        check) options="--severity" ;;
        trace) options="--port --proto --host-address" ;;
        bundle) options="--redact --key-file --mapping" ;;
        record) options="--duration --poll --max-changes --list" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options $globals" -- "$cur"))
        return
    fi

    case $command in
        list)
            [[ $position -eq 0 ]] && COMPREPLY=($(compgen -W "$kinds all" -- "$cur"))
            ;;
        show | create | modify | delete)
            [[ $position -eq 0 ]] && COMPREPLY=($(compgen -W "$kinds" -- "$cur"))
            ;;
        import | diff | bundle | record)
            _filedir
            ;;
        explain)
            [[ $position -eq 0 ]] && COMPREPLY=($(compgen -W "all" -- "$cur"))
            ;;
        help)
            [[ $position -eq 0 ]] && COMPREPLY=($(compgen -W "$commands" -- "$cur"))
            ;;
    esac
} &&
    complete -F _hcnctl hcnctl
