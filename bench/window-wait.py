#!/usr/bin/env python3
"""Starts a command on an X display and prints the milliseconds until its first top-level window is viewable.

usage: DISPLAY=:N bench/window-wait.py TIMEOUT_S COMMAND [ARGS...]
Polls the X server every 5 ms through libX11 (XQueryTree + XGetWindowAttributes), so the figure is the same
instrument for any toolkit (Swing, Qt). The command keeps running; its PID is printed on the second line so the
caller can read its memory and stop it. Exit status 1 when no window appeared within TIMEOUT_S.
"""
import ctypes
import ctypes.util
import subprocess
import sys
import time


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("c_class", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
                ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
                ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


IS_VIEWABLE = 2


def viewable_windows(x11, display, root):
    root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
    children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    if not x11.XQueryTree(display, root, ctypes.byref(root_ret), ctypes.byref(parent_ret), ctypes.byref(children),
                          ctypes.byref(count)):
        return []
    found = []
    attrs = XWindowAttributes()
    for i in range(count.value):
        w = children[i]
        # a window that is not override-redirect (menus, tooltips) and is large enough to be a real window
        if x11.XGetWindowAttributes(display, w, ctypes.byref(attrs)) and attrs.map_state == IS_VIEWABLE \
                and not attrs.override_redirect and attrs.width > 100 and attrs.height > 100:
            found.append(w)
    if count.value:
        x11.XFree(children)
    return found


def main():
    timeout_s = float(sys.argv[1])
    x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11"))
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_void_p] * 4
    x11.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p]
    x11.XFree.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    if not display:
        print("cannot open the display", file=sys.stderr)
        sys.exit(2)
    root = x11.XDefaultRootWindow(display)
    before = set(viewable_windows(x11, display, root))
    start = time.monotonic()
    proc = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while time.monotonic() - start < timeout_s:
        if set(viewable_windows(x11, display, root)) - before:
            print(f"{(time.monotonic() - start) * 1000:.0f}")
            print(proc.pid)
            sys.exit(0)
        time.sleep(0.005)
    print("timeout")
    print(proc.pid)
    sys.exit(1)


if __name__ == "__main__":
    main()
