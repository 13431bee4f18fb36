"""Services: a program plus the manifest line the service manager starts it by.

    load("//services:defs.bzl", "os_service")

    os_service(
        name = "echo",                 # the program: bin/echo in the boot archive
        srcs = ["echo_main.cc"],
        deps = [...],
        needs = ["nameserver", "register"],
        restart = "on-failure",        # always | on-failure | never
        limit = "5/60s",               # give up after 5 crashes within 60 s
        backoff = "100ms..5s",         # first restart wait .. longest wait
        arg = None,                    # one word for the program's argument
        quota = None,                  # kernel memory it gets: "<n>K" / "<n>M" (256K)
        service_name = None,           # the manifest's name (default: name)
    )

makes the cairn_program `echo` and `echo_service`, which provides ServiceInfo.
List `//services/echo:echo_service` in images/BUILD's SERVICES and every image
puts bin/echo into its boot archive and the line into etc/services, which the
service manager reads at boot (format: services/service_manager/manifest.h).
The fields are checked here, at analysis time, with the manifest parser's
rules, so a typo fails the build instead of the boot.
"""

load("//user:program.bzl", "cairn_program")

ServiceInfo = provider(
    doc = "A service for the images' manifest (etc/services).",
    fields = {
        "name": "the service's name (name-server rules)",
        "program": "the program's File",
        "program_name": "its name under bin/ in the boot archive",
        "manifest_line": "its line in etc/services",
    },
)

_LOWER_DIGIT = "abcdefghijklmnopqrstuvwxyz0123456789"
_NAME_CHARS = _LOWER_DIGIT + "._-"
_PROGRAM_CHARS = _NAME_CHARS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DEVICE_CHARS = _LOWER_DIGIT + "-_"
_PLAIN_NEEDS = ["nameserver", "register", "platform"]
_DEVICE_NEEDS = ["irq", "ioports", "device"]
_RESTART_MODES = ["always", "on-failure", "never"]

def _only(text, allowed):
    for index in range(len(text)):
        if text[index] not in allowed:
            return False
    return True

def _check_name(what, name):
    if not name or len(name) > 48 or not _only(name, _NAME_CHARS) or not name[0].isalpha():
        fail("%s: invalid service name %r ([a-z0-9._-], 1..48, starting with a letter)" % (what, name))
    if name[-1] in ".-":
        fail("%s: invalid service name %r (must not end with '.' or '-')" % (what, name))

def _check_need(what, need):
    if need in _PLAIN_NEEDS:
        return
    kind, _, device = need.partition(":")
    if kind not in _DEVICE_NEEDS or not device or len(device) > 23 or not _only(device, _DEVICE_CHARS):
        fail("%s: invalid need %r (nameserver, register, platform, irq:<device>, ioports:<device>, device:<device>)" % (what, need))

def _is_number(text):
    return text != "" and text.isdigit()

def _check_duration(what, text):
    for unit in ["ms", "s"]:
        if text.endswith(unit) and _is_number(text[:-len(unit)]):
            return
    fail("%s: invalid duration %r (a number with ms or s)" % (what, text))

def _service_impl(ctx):
    what = str(ctx.label)
    name = ctx.attr.service_name
    _check_name(what, name)
    program_name = ctx.attr.program.label.name
    if len(program_name) > 47 or not _only(program_name, _PROGRAM_CHARS):
        fail("%s: invalid program name %r" % (what, program_name))
    files = ctx.attr.program.files.to_list()
    if len(files) != 1:
        fail("%s: the program must be exactly one file" % what)

    fields = [name, program_name]
    if len(ctx.attr.needs) > 8:
        fail("%s: at most 8 needs" % what)
    for need in ctx.attr.needs:
        _check_need(what, need)
    if ctx.attr.needs:
        fields.append("needs=" + ",".join(ctx.attr.needs))
    if ctx.attr.restart not in _RESTART_MODES:
        fail("%s: invalid restart %r (always, on-failure, never)" % (what, ctx.attr.restart))
    fields.append("restart=" + ctx.attr.restart)
    if ctx.attr.limit:
        crashes, _, window = ctx.attr.limit.partition("/")
        if not _is_number(crashes) or int(crashes) < 1 or int(crashes) > 32 or \
           not window.endswith("s") or not _is_number(window[:-1]):
            fail("%s: invalid limit %r (<crashes>/<seconds>s, crashes 1..32)" % (what, ctx.attr.limit))
        fields.append("limit=" + ctx.attr.limit)
    if ctx.attr.backoff:
        initial, separator, maximum = ctx.attr.backoff.partition("..")
        if not separator:
            fail("%s: invalid backoff %r (<initial>..<maximum>)" % (what, ctx.attr.backoff))
        _check_duration(what, initial)
        _check_duration(what, maximum)
        fields.append("backoff=" + ctx.attr.backoff)
    if ctx.attr.arg:
        if len(ctx.attr.arg) > 63 or " " in ctx.attr.arg or "\t" in ctx.attr.arg or "#" in ctx.attr.arg:
            fail("%s: invalid arg %r (one word of 1..63 characters, no '#')" % (what, ctx.attr.arg))
        fields.append("arg=" + ctx.attr.arg)
    if ctx.attr.quota:
        quota = ctx.attr.quota
        unit = {"K": 1024, "M": 1024 * 1024}.get(quota[-1:], 0)
        if not unit or not _is_number(quota[:-1]) or \
           int(quota[:-1]) * unit < 192 * 1024 or int(quota[:-1]) * unit > 64 * 1024 * 1024:
            fail("%s: invalid quota %r (<n>K or <n>M, 192K..64M)" % (what, quota))
        fields.append("quota=" + quota)

    return [
        DefaultInfo(files = depset(files)),
        ServiceInfo(
            name = name,
            program = files[0],
            program_name = program_name,
            manifest_line = " ".join(fields),
        ),
    ]

_os_service = rule(
    implementation = _service_impl,
    doc = "A program with its service manifest line (use the os_service macro).",
    attrs = {
        "program": attr.label(mandatory = True),
        "service_name": attr.string(mandatory = True),
        "needs": attr.string_list(),
        "restart": attr.string(default = "on-failure"),
        "limit": attr.string(),
        "backoff": attr.string(),
        "arg": attr.string(),
        "quota": attr.string(),
    },
)

def os_service(
        name,
        srcs,
        deps = [],
        needs = [],
        restart = "on-failure",
        limit = None,
        backoff = None,
        arg = None,
        quota = None,
        service_name = None,
        visibility = None,
        **kwargs):
    """A service: the cairn_program `name` and `<name>_service` (ServiceInfo).

    Args:
      name: the program (bin/<name>) and the default service name.
      srcs: the program's sources.
      deps: its cc_library dependencies.
      needs: capabilities it is started with (manifest.h: nameserver,
        register, platform, irq:<device>, ioports:<device>, device:<device>).
      restart: always, on-failure or never.
      limit: "<crashes>/<seconds>s" before the manager gives up (default 5/60s).
      backoff: "<initial>..<maximum>" restart waits (default 100ms..10s).
      arg: one word passed to the program as its argument.
      quota: kernel memory it is given, "<n>K" or "<n>M" (default 256K):
        its own objects and whatever it starts come out of it.
      service_name: the manifest's name if not `name` (e.g. "nameserver").
      visibility: of both targets (images/ must see `<name>_service`).
      **kwargs: passed on to cairn_program (tags, copts, ...).
    """
    cairn_program(
        name = name,
        srcs = srcs,
        deps = deps,
        visibility = visibility,
        **kwargs
    )
    _os_service(
        name = name + "_service",
        program = ":" + name,
        service_name = service_name or name,
        needs = needs,
        restart = restart,
        limit = limit or "",
        backoff = backoff or "",
        arg = arg or "",
        quota = quota or "",
        visibility = visibility,
        tags = kwargs.get("tags"),
    )
