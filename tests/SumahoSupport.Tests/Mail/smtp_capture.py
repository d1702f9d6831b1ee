#!/usr/bin/python3
"""A real SMTP server for the mail tests: aiosmtpd on loopback, every message saved as an .eml file.

Usage: smtp_capture.py PORT DIRECTORY
Prints "ready" once it accepts connections; stops on SIGTERM.
"""
import asyncio
import os
import signal
import sys
import uuid

from aiosmtpd.controller import Controller


class SaveToDirectory:
    def __init__(self, directory):
        self.directory = directory

    async def handle_DATA(self, server, session, envelope):
        # Names that survive restarts, so a message received twice shows up as two files.
        path = os.path.join(self.directory, f"{uuid.uuid4().hex}.eml")
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.replace(path + ".tmp", path)
        return "250 Message accepted"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    controller = Controller(SaveToDirectory(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
