"""Every sentence the core says to a person, by code; worded where it is shown.

The core (store, services, domain, sync, receipts) raises :class:`pos.errors.KnownError`
with a code and parameters, and stores staff actions as a code and parameters; it never
makes the sentence. Whoever shows one words it for its reader:

* the UI with the UI language (``pos.ui.tasks.describe``),
* the command line with the user's language (``FOODHUB_POS_LANG``, else the locale),
* the log in English with the code (``for_log``; ``str(error)`` is English too).

The English templates below are the gettext message ids of the ``foodhub`` domain
(``receipts/locale``; ``python tools/i18n.py update`` extracts them), so one catalogue and
one glossary check cover screens, paper and messages. Placeholders are ``{name}``; a
parameter given as :func:`money` is formatted for the reader's locale.

A code that is not here is shown as it is: rows stored before codes (English sentences)
stay readable.
"""

from __future__ import annotations

import gettext
import json
import string
from collections.abc import Mapping
from functools import cache
from typing import Any

from pos.languages import LOCALES, SOURCE, pick

__all__ = [
    "ERRORS",
    "PHRASES",
    "PLURALS",
    "SOURCE",
    "STAFF",
    "Said",
    "english",
    "for_log",
    "money",
    "phrase",
    "phrase_of",
    "said",
    "said_error",
    "stored",
    "word",
    "word_error",
    "word_said",
    "word_stored",
]


def N_(message: str) -> str:
    """Mark a template for extraction; it is translated when worded."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural template (both forms) for extraction; worded with ngettext."""
    return singular, plural


# Errors the core raises, by code (KnownError(code, **params)).
ERRORS: dict[str, str] = {
    # till and volunteers
    "till.not_open": N_("Open the till first (volunteer name and cash float)."),
    "till.already_open": N_("The till is already open."),
    "till.name_is_a_code": N_(
        "That looks like an order number or a code, not a name: type the volunteer's name."
    ),
    "till.name_missing": N_("Type the volunteer's name."),
    "till.name_too_long": N_("That name is too long ({limit} characters at most)."),
    "till.float_negative": N_("The cash float cannot be negative."),
    "till.counted_negative": N_("Counted cash cannot be negative."),
    "till.move_zero": N_("Type an amount other than zero."),
    "till.move_reason_missing": N_("Say why the cash goes in or out."),
    "till.move_too_large": N_("There should only be {amount} in the drawer: cannot take out more."),
    "till.checkout_in_progress": N_(
        "Finish or cancel the checkout in progress before closing the till."
    ),
    "till.counts_invalid": N_("Counts of notes and coins must be whole and positive."),
    "till.counts_mismatch": N_("The counted amount does not match the notes and coins."),
    "till.count_missing": N_("Count the cash in the drawer first."),
    "till.session_closed": N_("This till session is already closed."),
    "till.session_missing": N_("There is no such till session."),
    # staff PIN
    "roles.pin_required": N_("This needs the hub-staff PIN."),
    "roles.pin_wrong": N_("That PIN is not right."),
    "roles.pin_length": N_("A PIN is {min} to {max} digits."),
    "roles.pin_throttled": N_("Too many wrong PINs: try again in {seconds} s."),
    "roles.pin_locked": N_("Too many wrong PINs: the hub-staff PIN is locked for {minutes} min."),
    "roles.pin_tampered": N_(
        "The hub-staff PIN was changed outside Food Hub POS: set a new PIN in the app"
        " (Till menu, Staff PIN) before going on."
    ),
    "roles.pin_missing_cli": N_(
        "This database has a hub-staff PIN: type it at the prompt, or give it with"
        " --pin-file PATH or the {env} environment variable."
    ),
    "roles.pin_file_shared": N_(
        "The PIN file {path} can be read by other users: make it private (chmod 600 {path})."
    ),
    "roles.pin_file_unreadable": N_("Cannot read the PIN file {path}: {reason}."),
    "roles.pin_file_not_text": N_("The PIN file {path} is not a text file."),
    "privacy.no_order": N_("There is no such order."),
    "privacy.cannot_write": N_("Cannot write {path}: {reason}."),
    # checkout
    "checkout.already_collected": N_("Already collected ({receipt})."),
    "checkout.reason_needed": N_("Say why part of the amount is left owing."),
    "checkout.order_missing": N_("This order is not in the database."),
    "checkout.order_cancelled": N_(
        "This order was cancelled in Open Food Network: do not hand it over."
    ),
    "checkout.missing": N_("There is no such checkout."),
    "checkout.walk_in_empty": N_("Add at least one item to sell."),
    "checkout.item_name_missing": N_("Each item needs a name."),
    "checkout.item_invalid": N_("Each item needs a price and a quantity above zero."),
    "checkout.undo_reason_missing": N_("Say why this checkout is undone."),
    "checkout.undo_of_undo": N_("An undo cannot itself be undone; check the order out again."),
    "checkout.refund_ids": N_("An undo needs one new id for each of its {payments} payments."),
    "checkout.already_undone": N_("{receipt} was already undone."),
    "checkout.undo_other_session": N_(
        "Only checkouts of the current till session can be undone here."
    ),
    "checkout.undo_other_till": N_(
        "This checkout was made on till {till}: undo it there (or, for staff, accept OFN's"
        " version of the order)."
    ),
    # delivery rounds
    "round.volunteer_missing": N_("Say who is recording this round."),
    "round.float_negative": N_("The float cannot be negative."),
    "round.no_such_driver": N_("There is no round for {driver} on this delivery method."),
    "round.missing": N_("There is no such delivery round."),
    "round.order_unknown": N_("No order {number} in this database."),
    "round.not_a_stop": N_("This order is not a stop of this round."),
    "round.closed": N_("This round is closed: its stops can no longer change."),
    "round.outcome_unknown": N_("Unknown outcome {outcome}."),
    "round.already_delivered": N_("{number} is already recorded as delivered."),
    "round.next_step_missing": N_(
        "Say what happens to the bags: a second attempt or a pickup later."
    ),
    "round.handed_over_at_till": N_("{number} was already handed over at a till."),
    "round.missing_items_unmarked": N_("Mark the items that were missing."),
    "round.counted_negative": N_("The cash counted cannot be negative."),
    "round.stops_pending": N_("{count} stop(s) have no outcome yet: record them or say why."),
    "round.already_closed": N_("This round is already closed."),
    "round.other_round": N_("Order {number} is on another round ({where})."),
    "round.not_on_a_round": N_("Order {number} is not on this round."),
    "round.amount_invalid": N_("Type an amount such as 12.50."),
    "round.count_missing": N_("Count the round's cash and type the total."),
    "checkout.not_a_weight": N_("Type a weight above zero, with at most 3 decimals."),
    "checkout.weight_too_large": N_("That weight is too large."),
    "checkout.quantity_range": N_("That quantity is not possible for this line."),
    "checkout.not_by_weight": N_("{product} is not sold by weight."),
    "checkout.no_line": N_("There is no line {line} in order {number}."),
    "checkout.tender_negative": N_("An amount tendered cannot be negative."),
    "checkout.method_missing": N_("A payment needs a method."),
    # amounts typed by people
    "money.invalid": N_("Type an amount with digits only, e.g. 12.50."),
    "money.decimals": N_("Too many decimals for this currency."),
    "money.negative": N_("Amounts cannot be negative."),
    "money.too_large": N_("That amount is too large."),
    "money.mixed": N_("Cannot add amounts in {a} and {b}."),
    "money.not_int": N_("An amount must be a whole number of cents, not {kind}."),
    # printing (the queue) and printers
    "print.receipt_missing": N_("There is no such receipt to print."),
    "print.not_collected": N_("This order has no receipt yet: it has not been collected."),
    "print.no_session": N_("This till has no session yet: open the till first."),
    "print.order_missing": N_("There is no order {number}."),
    "print.checkout_gone": N_("The receipt's checkout no longer exists."),
    "print.no_such_order": N_("There is no such order."),
    "lists.stopped": N_("Stopped: {written} of {total} PDFs were written."),
    "print.note_order_gone": N_("The delivery note's order no longer exists."),
    "print.session_gone": N_("The till session no longer exists."),
    "print.kind_unknown": N_("Unknown kind of print job: {kind}."),
    "print.interrupted": N_(
        "The app stopped while this job was printing; printing it again as a copy."
    ),
    "print.cannot_render": N_("This document cannot be printed ({error}); see the log."),
    "print.printer_error": N_("Printer error: {detail}"),
    "print.loop_error": N_("Printing stopped on an error; see the log."),
    "printer.none": N_("No printer is set up."),
    "printer.win32_no_name": N_(
        "“{address}” names no printer: write win32:// and the printer's name as Windows"
        " shows it (Settings → Printers & scanners)."
    ),
    "printer.tcp_no_host": N_("“{address}” has no host name: write tcp://HOST:9100."),
    "printer.bad_port": N_("“{address}” has an invalid port number."),
    "printer.usb_bad": N_(
        "“{address}” is not a USB printer address: write usb://VID:PID in hex,"
        " e.g. usb://04b8:0e28."
    ),
    "printer.serial_no_port_windows": N_("“{address}” names no serial port: write serial://COM3."),
    "printer.serial_com_elsewhere": N_(
        "“{address}” is a Windows port name; on this computer write serial:///dev/ttyUSB0"
        " (the device file of the port)."
    ),
    "printer.serial_no_port": N_("“{address}” names no serial port: write serial:///dev/ttyUSB0."),
    "printer.bad_baud": N_("“{address}” has an invalid baud rate."),
    "printer.file_no_path": N_("“{address}” names no file: write {example}."),
    "printer.cups_no_queue": N_("“{address}” names no print queue: cups://QUEUE."),
    "printer.not_an_address": N_("“{address}” is not a printer address. Use {examples}."),
    "printer.paper_out": N_("The printer is out of paper."),
    "printer.cover_open": N_("The printer's cover is open."),
    "printer.error": N_("The printer reports an error (paper jam or cutter)."),
    "printer.offline": N_("The printer is off line."),
    "printer.no_device": N_("There is no printer device {path}."),
    "printer.no_permission.linux": N_(
        "No permission to write to {path}: add this user to the “lp” group."
    ),
    "printer.no_permission.macos": N_(
        "No permission to write to {path}: choose a device or file this user may write to."
    ),
    "printer.no_permission.windows": N_(
        "No permission to write to {path}: choose a folder you can write to, or print to the"
        " printer's queue (win32://Printer name)."
    ),
    "printer.cannot_open": N_("Cannot open {path}: {reason}."),
    "printer.no_lp": N_(
        "The system print command “lp” (CUPS) is not installed (on Debian or Ubuntu:"
        " apt install cups-client)."
    ),
    "printer.no_queue": N_("There is no print queue “{queue}”."),
    "printer.queue_silent": N_("The print queue “{queue}” did not answer."),
    "printer.queue_refused": N_("The print queue “{queue}” refused the job."),
    "printer.queue_refused_why": N_("The print queue “{queue}” refused the job: {reason}"),
    "printer.tcp_silent": N_(
        "The printer at {host}:{port} does not answer (switched off or not on the network)."
    ),
    "printer.no_pyusb": N_(
        "USB printing needs the pyusb package, which is missing from this installation:"
        " reinstall Food Hub POS."
    ),
    "printer.usb_not_found.windows": N_(
        "The USB printer {device} is not plugged in or switched off; on Windows a USB receipt"
        " printer is usually reached through its printer queue: win32://Printer name."
    ),
    "printer.usb_not_found.macos": N_(
        "The USB printer {device} is not plugged in or switched off."
    ),
    "printer.usb_not_found.linux": N_(
        "The USB printer {device} is not plugged in, switched off, or not accessible"
        " (udev rule or “lp” group)."
    ),
    "printer.no_libusb.windows": N_(
        "USB printing needs the libusb driver, which Windows does not have: print through the"
        " printer's Windows queue instead (win32://Printer name); {detail}."
    ),
    "printer.no_libusb.macos": N_(
        "USB printing needs the libusb library (with Homebrew: brew install libusb), or print"
        " through the printer's queue (cups://QUEUE); {detail}."
    ),
    "printer.no_libusb.linux": N_(
        "USB printing needs the libusb library (on Debian or Ubuntu: apt install"
        " libusb-1.0-0); {detail}."
    ),
    "printer.no_pyserial": N_(
        "Serial printers need the pyserial package, which is missing from this installation:"
        " reinstall Food Hub POS."
    ),
    "printer.serial_cannot_open.windows": N_(
        "Cannot open the serial port {port} (check its COM number in Device Manager, under Ports)."
    ),
    "printer.serial_cannot_open.linux": N_(
        "Cannot open the serial port {port} (is it plugged in? On Linux this user may need the"
        " “dialout” group)."
    ),
    "printer.serial_cannot_open.macos": N_(
        "Cannot open the serial port {port} (is it plugged in?)."
    ),
    "printer.cups_on_windows": N_(
        "CUPS print queues (cups://) exist on Linux and macOS; on Windows write win32:// and"
        " the printer's name."
    ),
    "printer.win32_elsewhere": N_(
        "Windows printer queues (win32://) exist only on Windows; on this computer write"
        " cups:// and the queue's name (lpstat -p lists them)."
    ),
    "printer.no_pywin32": N_(
        "Printing to a Windows printer queue needs the pywin32 package, which is missing from"
        " this installation: reinstall Food Hub POS."
    ),
    "printer.win32_no_printer": N_(
        "Windows has no printer named “{queue}” (Settings → Printers & scanners shows the"
        " exact names)."
    ),
    "printer.unsupported": N_("Unsupported printer address {address}."),
    "printer.broke": N_("The connection to the printer broke while printing ({detail})."),
    "printer.profile_unknown": N_("Unknown printer profile “{name}”. Choose one of: {known}."),
    "printer.codepage_unknown": N_("The profile {profile} has no code page {codepage}."),
    # reconciliation, lists and files
    "reconcile.cycle_missing": N_("There is no order cycle {cycle} in this database."),
    "reconcile.point_missing": N_("There is no pickup point {point} in this database."),
    "reconcile.no_show_reason": N_("Give a reason for the no-show (e.g. “did not come”)."),
    "reconcile.report_suffix": N_("The report file must end in .pdf or .csv, not “{name}”."),
    "reconcile.actor_missing": N_("Enter your name so the audit log shows who did this."),
    "reconcile.no_show_collected": N_("Order {number} was collected; it cannot be a no-show."),
    "reconcile.no_show_cancelled": N_("Order {number} is cancelled in OFN."),
    "reconcile.action_missing": N_("That OFN action no longer exists."),
    "reconcile.order_missing": N_("There is no order {order} in this database."),
    "lists.paper_unknown": N_("Unknown paper “{paper}”: use a4 or letter."),
    "lists.kind_unknown": N_("Unknown list kind “{kind}”: use one of {kinds}."),
    "lists.no_orders": N_("There are no orders in this database yet: sync with OFN first."),
    "lists.point_missing": N_("There is no pickup point {point}; known: {known}."),
    "lists.producer_missing": N_("There is no producer {producer}; known: {known}."),
    "file.cannot_write": N_("Cannot write {path}: {reason}."),
    "file.cannot_create_folder": N_("Cannot create the folder {path}: {reason}."),
    "file.folder_read_only": N_("Cannot write in {path}: choose a folder you can write to."),
    "file.no_folder": N_("The folder {path} does not exist."),
    "file.exists_force": N_("{path} already exists; choose another name or add --force."),
    "file.too_many_temporary": N_("Cannot write {path}: the folder is full of temporary files."),
    "install.missing_file": N_(
        "This installation of Food Hub POS is missing {file} (looked in {folder});"
        " reinstall the app."
    ),
    # the database file
    "store.not_sqlite": N_("{path} is not a Food Hub POS database (it is not SQLite)."),
    "store.is_folder": N_("{path} is a folder, not a database file."),
    "store.newer": N_(
        "{path} was written by a newer version of Food Hub POS (schema {version}, this"
        " version knows up to {latest}). Install the newer version; the file has not been"
        " changed."
    ),
    "store.no_database": N_("There is no database at {path}."),
    "store.sync_updating": N_(
        "{path} is being updated by a sync job (process {pid}); try again in a minute."
    ),
    "store.open_elsewhere": N_(
        "{path} is already open in another Food Hub POS window. Close that one first: only"
        " one till may write to a database."
    ),
    "store.folder_read_only": N_(
        "Cannot write in {path} ({reason}). Choose a folder you can write to."
    ),
    "store.gone": N_("{path} is no longer there (was its folder or drive removed?)."),
    "store.gone_unsaved": N_(
        "{path} is no longer there (was its folder or drive removed?). Put it back and"
        " restart Food Hub POS; nothing was saved."
    ),
    "store.disk_full": N_("The disk holding {path} is full. Free some space; nothing was saved."),
    "store.read_only": N_(
        "Cannot write to {path}. Check the folder's permissions or choose another."
    ),
    "store.damaged": N_("{path} is not a Food Hub POS database, or it is damaged."),
    "store.busy": N_("{path} is busy in another program. Close it and try again."),
    "store.unusable": N_("The database {path} could not be used: {detail}."),
    "store.unreadable": N_(
        "{path} cannot be read: it is damaged, or it is not a Food Hub POS database."
    ),
    "store.other_program": N_(
        "{path} is a database of another program, not of Food Hub POS; it was not changed."
        " Choose a Food Hub POS database, or a new file name."
    ),
    "store.key_missing": N_(
        "{path} is encrypted, and this computer does not have its key. Enter the recovery code"
        " hub staff kept (or run: python main.py unlock --db PATH), or restore a backup. If"
        " the file was not encrypted, it is damaged."
    ),
    "store.is_link": N_("{path} is a link to another file; choose a real file."),
    "store.encrypt_not_writer": N_("{path} can only be encrypted by the till that has it open."),
    "store.encrypt_mismatch": N_("Encrypting {path} did not give the same data."),
    # backups, encryption at rest and recovery codes
    "backup.source_damaged": N_(
        "{path} is damaged: its backup failed SQLite's check and was not kept."
    ),
    "backup.failed": N_("The backup of {path} failed: {detail}."),
    "backup.cannot_write": N_("Cannot write the backup in {path}: {reason}."),
    "backup.missing": N_("There is no backup at {path}."),
    "backup.unusable": N_(
        "The backup {path} is damaged, or encrypted with a key this computer does not have;"
        " choose another."
    ),
    "backup.restore_while_open": N_(
        "{path} is open in Food Hub POS or a sync job; close it first, then restore."
    ),
    "backup.none_good": N_("There is no good backup of {path} in {folder}."),
    "vault.already_encrypted": N_("{path} is already encrypted."),
    "vault.no_sqlcipher": N_("This installation has no SQLCipher (the sqlcipher3 package)."),
    "vault.no_keyring_to_encrypt": N_(
        "This computer has no keyring to keep the database key, so the database cannot be"
        " encrypted here."
    ),
    "vault.no_keyring": N_("This computer has no keyring to keep the database key."),
    "vault.not_encrypted": N_("{path} is not encrypted; it opens without a recovery code."),
    "vault.code_other_hub": N_("That recovery code does not open {path}: it is another hub's."),
    "vault.keyring_refused": N_(
        "This computer's keyring refused to keep the database key; the database was left as it was."
    ),
    "vault.code_wrong": N_(
        "That recovery code is not right: check each group of four and retype it."
    ),
    # sync with OFN
    "sync.not_set_up": N_("Sync is not set up: open Sync settings and connect to OFN."),
    "sync.stopped": N_("Sync stopped."),
    "sync.address_missing": N_(
        "Enter the address of your Open Food Network site, e.g. https://openfoodnetwork.org.uk."
    ),
    "sync.address_not_web": N_(
        "“{address}” is not a web address; use e.g. https://openfoodnetwork.org.uk."
    ),
    "sync.address_with_user": N_("Type the site address without a user name or password in it."),
    "sync.address_http": N_(
        "“{address}” uses plain http, which would send the API key unencrypted; use https://."
    ),
    "sync.address_query": N_("“{address}” should be just the site address, without ? or #."),
    "sync.answer_too_large": N_(
        "{host} sent an answer too large to be OFN's (over {mib} MiB); it was not read."
    ),
    "sync.unreachable": N_("Cannot reach {host}: {reason}."),
    "sync.no_answer": N_("No answer from {host} ({reason})."),
    "sync.server_failing": N_("{host} keeps failing (HTTP {status}); try again later."),
    "sync.no_access": N_(
        "{host} rejected the API key it had accepted a moment before: its user has no access"
        " to this hub (ask the hub to give that user access), or the key was regenerated in OFN."
    ),
    "sync.key_rejected": N_(
        "{host} rejected the API key: check it in Sync settings (it may have been"
        " regenerated, or the user may lack API access)."
    ),
    "sync.access_lost": N_(
        "{host} rejected the API key that worked at the last sync ({when} UTC): its user may"
        " have lost access to hub {hub} (ask the hub), or the key was regenerated (enter the"
        " new one in Sync settings)."
    ),
    "sync.redirected": N_(
        "{host} redirected the request to {target}: check the address (a Wi-Fi login page"
        " can do this)."
    ),
    "sync.ofn_timeout": N_("{host} took too long to answer (OFN's time limit); try again."),
    "sync.ofn_exception": N_("OFN reported a server error: {text}"),
    "sync.not_found": N_("OFN has no such record."),
    "sync.refused": N_("OFN refused: {text}"),
    "sync.not_json": N_(
        "{host} answered with {type} instead of the Open Food Network API: check the address"
        " (a Wi-Fi login page can do this)."
    ),
    "sync.bad_json": N_("{host} sent a reply that is not valid JSON."),
    "sync.too_deep": N_("{host} sent a reply nested deeper than OFN ever does; it was not read."),
    "sync.check_not_ofn": N_("{host} answered, but not like Open Food Network does."),
    "sync.check_no_api": N_("{host} does not offer the Open Food Network API."),
    "sync.check_connected": N_("Connected to {host}. Now enter the hub (enterprise) id."),
    "sync.check_not_manager": N_(
        "The key works, but its user does not manage hub {hub} on {host}. Ask the hub to give"
        " that user access."
    ),
    "sync.check_no_orders": N_(
        "The key works, but no orders of hub {hub} are visible: check the hub id and that the"
        " user manages it."
    ),
    "sync.check_hub_named": N_("Connected: {name} on {host}."),
    "sync.check_hub": N_("Connected: hub {hub} on {host}."),
    "sync.key_missing": N_("Enter the API key from your OFN account (Developer settings)."),
    "sync.key_malformed": N_(
        "That does not look like an OFN API key (48 letters and digits, from Account →"
        " Developer settings)."
    ),
    "sync.demo_database": N_(
        "{file} holds the demo hub; sync into a new database file for your real hub"
        " (sync --db NEW_FILE ...)."
    ),
    "sync.other_hub": N_(
        "{file} holds hub {hub}, not hub {wanted}; use a separate database for each hub."
    ),
    "sync.no_address": N_("No OFN address is set: give --server URL or connect in Sync settings."),
    "sync.no_hub": N_("No hub is set: give --hub ID or choose it in Sync settings."),
    "sync.running": N_(
        "Another sync of {file} is running ({who}, process {pid}); this one did not start."
    ),
    # what OFN sent that this version cannot read (field names are OFN's)
    "ofn.not_object": N_("OFN's {field} is not an object."),
    "ofn.missing": N_("OFN's {field} is missing."),
    "ofn.not_id": N_("OFN's {field} is not a valid id or count."),
    "ofn.not_text": N_("OFN's {field} is not text."),
    "ofn.too_long": N_("OFN's {field} is too long ({length} characters)."),
    "ofn.nul": N_("OFN's {field} contains a NUL character."),
    "ofn.state_unknown": N_("OFN's {field} “{value}” is not a state this version knows."),
    "ofn.not_amount": N_("OFN's {field} is not an amount."),
    "ofn.implausible_amount": N_("OFN's {field} “{value}” is not a plausible amount."),
    "ofn.not_number": N_("OFN's {field} is not a number."),
    "ofn.implausible_number": N_("OFN's {field} is not a plausible number."),
    "ofn.not_order_number": N_("“{value}” is not an OFN order number."),
    "ofn.not_date": N_("OFN's {field} is not a date."),
    "ofn.not_bool": N_("OFN's {field} is not true or false."),
    "ofn.not_list": N_("OFN's {field} is not a list."),
    "ofn.not_text_list": N_("OFN's {field} is not a list of text."),
    "ofn.same_id_twice": N_("OFN's {field} has the same id twice."),
    "ofn.implausible": N_("OFN's {field} is not plausible."),
    "ofn.value_unknown": N_("OFN's {field} “{value}” is unknown."),
    "ofn.no_producers": N_("OFN's shop has no producer list."),
    "ofn.order_list_form": N_("OFN's order list is not in the expected form."),
    "ofn.customer_list_form": N_("OFN's customer list is not in the expected form."),
    "ofn.customer_list_repeats": N_("OFN's customer list repeats itself; stopped reading it."),
    "ofn.customer_list_loops": N_("OFN's customer list links back to a page already read."),
    "ofn.customer_list_endless": N_("OFN's customer list never ends."),
    "ofn.customer_list_elsewhere": N_(
        "OFN's customer list points to another site; not following it."
    ),
    "ofn.wrong_order": N_("OFN sent order {got} when asked for {number}."),
    "ofn.order_other_hub": N_("It belongs to hub {hub}, not {expected}."),
    "ofn.order_other_id": N_("OFN's order {number} has another id ({id})."),
    "till.record_amount": N_("The till's {field} is not an amount."),
    "till.record_unreadable": N_("The till's record for this order is unreadable."),
    "till.payments_unreadable": N_("The till's payments are unreadable."),
    "till.payment_unreadable": N_("A till payment is unreadable."),
    # the command line
    "cli.env_empty": N_("The environment variable {name} is not set or empty."),
    "cli.no_key": N_(
        "No API key is saved for {url}: give --api-key-env VAR, or connect once in the app"
        " (Sync settings)."
    ),
    "cli.no_address": N_("No OFN address is set: give --server URL."),
    "cli.demo_orders": N_("--orders must be between 1 and {max}."),
    "cli.file_exists": N_("{path} already exists; choose a new file name."),
    "cli.report_suffix": N_("--out must end in .pdf or .csv, not “{name}”."),
    "cli.not_printed": N_("Nothing was printed: {reason}"),
    "cli.latest_backup": N_(
        "The latest good backup is {name}; restore it with: python main.py restore --db {path}"
    ),
    # the shared journal (pos/services/journal.py; held files and events give the reason)
    "journal.key_missing": N_(
        "The hub's journal passphrase is not set: set it in Hub settings (the same on every till)."
    ),
    "journal.folder_missing": N_(
        "The shared journal folder {folder} is not there (drive removed, or not synced yet);"
        " the till keeps its events and writes them when the folder is back."
    ),
    "journal.folder_read_only": N_(
        "The shared journal folder {folder} cannot be written to; the till keeps its events"
        " and writes them when it can."
    ),
    "journal.folder_full": N_(
        "The disk of the shared journal folder {folder} is full; the till keeps its events and"
        " writes them when there is room."
    ),
    "journal.folder_unusable": N_("The shared journal folder {folder} cannot be used: {reason}."),
    "journal.file_incomplete": N_(
        "A journal file is not complete yet (still being copied); it is read again later."
    ),
    "journal.file_corrupt": N_("A journal file is damaged (its checksum does not match)."),
    "journal.file_unreadable": N_(
        "A journal file cannot be read (no permission, or a disk error)."
    ),
    "journal.other_hub": N_("A journal file belongs to another hub."),
    "journal.wrong_key": N_(
        "A journal file was not signed with this hub's passphrase (another passphrase, or the"
        " file was changed)."
    ),
    "journal.file_misplaced": N_("A journal file is not in its till's folder or has a wrong name."),
    "journal.format_unknown": N_(
        "A journal file has a format this version does not know (a newer version wrote it?)."
    ),
    "journal.event_unreadable": N_("A journal event does not have the fields its kind needs."),
    "journal.event_clash": N_(
        "A journal event clashes with what this till has (the same receipt number twice: was a"
        " backup restored on a till?)."
    ),
    "journal.order_missing": N_(
        "A journal event is for an order this till does not have yet; it is merged after the"
        " next sync with OFN."
    ),
    "journal.waiting_for_pull": N_(
        "A journal event needs data this till has not downloaded yet; it is merged after the"
        " next sync with OFN."
    ),
    "journal.waiting_for_event": N_(
        "A journal event needs an earlier event of a till that has not arrived yet; it is"
        " merged when that one arrives."
    ),
    "cli.journal_folder": N_("Give the shared journal folder with --folder DIR."),
    # sync conflicts
    "sync.capture_unconfirmed": N_("Could not confirm the payment capture of {number}."),
    "sync.ship_unconfirmed": N_("Could not confirm that {number} was marked shipped."),
    "sync.conflict_resolved": N_("This conflict is already resolved."),
    "sync.record_unreadable": N_(
        "The till's record of order {number} is unreadable: sort it out in OFN, then accept"
        " OFN's version."
    ),
}

# Parts of sentences that are parameters of others (phrase(code)): why the network failed.
PHRASES: dict[str, str] = {
    "net.timeout": N_("no answer in time"),
    "net.decompress": N_("the answer could not be decompressed"),
    "net.no_name": N_("the name does not resolve (no network, or a typo in the address)"),
    "net.refused": N_("connection refused"),
    "net.tls": N_("the secure connection failed (certificate problem)"),
    "net.cut": N_("the connection was cut"),
    "net.other": N_("network error"),
    "age.days": N_("{days} day(s)"),
    "age.hours": N_("{hours} hours"),
    "staff.then_ship": N_("Then mark it shipped in the OFN admin."),
    "staff.no_items": N_("no items"),
    "staff.nothing": N_("nothing"),
    "staff.paid_by": N_("{paid} {label}"),
    # what the vault commands print when they succeed (in the user's language)
    "cli.encrypted": N_("Encrypted {path}."),
    "cli.recovery_code": N_(
        "Recovery code (shown once; print it or write it down and keep it safe):"
    ),
    "cli.unlocked": N_("{path} now opens on this computer."),
    "cli.restored": N_("Restored {path} from {backup}."),
    "cli.replaced_kept": N_("The file it replaced is kept as {path}."),
    "cli.interrupted": N_("Interrupted."),
    "cli.prompt_pin": N_("Hub-staff PIN:"),
    "cli.prompt_recovery_code": N_("Recovery code:"),
    "cli.unexpected": N_("{command} failed unexpectedly ({kind}); details are in {log}."),
    "cli.warning": N_("Warning: {problem}"),
    # what ``sync`` prints (pos/cli/sync.py, sync/run.py)
    "sync.progress.orders": N_("fetching orders: {done}/{total}"),
    "sync.progress.push": N_("pushing collections: {done}/{total}"),
    "sync.line.conflict": N_("  conflict {number}: {reason}"),
    "sync.line.failed": N_("  failed {number}: {reason}"),
    "sync.line.skipped": N_("  skipped {what}: {reason}"),
    # the summary lines: each part is a plural sentence of its own (PLURALS)
    "sync.push.summary": N_(
        "{pushed} {done}, {needs_staff}, {conflicts}, {failed}; {captured}, {shipped}; {walk_ins}"
    ),
    "sync.pull.summary": N_(
        "{pulled} {new}, {updated}, {cancelled}, {conflicts}, {skipped}; {customers}, {producers}"
    ),
    "sync.status": N_("{waiting}; {staff}"),
    "sync.pull.full": N_("pulled (full)"),
    "sync.pull.incremental": N_("pulled (incremental)"),
    "sync.to_do": N_("to do in the OFN admin:"),
    "sync.emails_delayed": N_(
        "OFN reports its background jobs are stuck: the emails and invoices it sends (such as"
        " 'picked up') are delayed."
    ),
    # why a pull left something out (sync/pull.py, pos/store/ingest.py): (what, why)
    "sync.what.cycle": N_("order cycle {cycle}"),
    "sync.what.page": N_("order list page {page}"),
    "sync.what.list": N_("order list"),
    "sync.what.producers": N_("producer names"),
    "sync.what.customer": N_("a customer"),
    "sync.what.customers": N_("customers"),
    "sync.skip.not_refreshed": N_("not refreshed: {reason}"),
    "sync.skip.not_read": N_("not read: {reason}"),
    "sync.skip.not_saved": N_("not saved: {reason}"),
    "sync.skip.no_number": N_("not saved: no valid number"),
    "sync.skip.number_taken": N_("not saved: another order already has this number"),
    "sync.skip.line_taken": N_("not saved: its line {line} belongs to another order"),
    "sync.skip.list_short": N_(
        "OFN announced {announced} orders but sent {received} while orders were being edited;"
        " the next sync asks again."
    ),
    "sync.skip.list_loop": N_(
        "OFN sent page {page} of the order list again (a loop); stopped listing."
    ),
    "sync.skip.list_endless": N_(
        "OFN's order list did not end after {pages} pages; stopped listing."
    ),
    # why a pulled order is a conflict (pos/store/ingest.py)
    "sync.conflict.cancelled": N_(
        "Order {number} was cancelled in OFN after the till recorded a collection."
    ),
    "sync.conflict.total": N_(
        "Order {number} was changed in OFN (total {before} → {after}) after the till recorded"
        " a collection."
    ),
    "sync.conflict.changed": N_(
        "Order {number} was changed in OFN after the till recorded a collection."
    ),
}

# Sentences about a number of things, by code: (singular, plural) gettext message ids; the
# parameter ``count`` picks the form (ngettext: French has its own rule for 0 and 1).
PLURALS: dict[str, tuple[str, str]] = {
    "cli.demo_written": Nn_(
        "Wrote {count} demo order to {path}.", "Wrote {count} demo orders to {path}."
    ),
    "cli.test_printed": Nn_(
        "Printed a test receipt on {printer} ({profile}, {width} mm, {columns} columns,"
        " {count} byte).",
        "Printed a test receipt on {printer} ({profile}, {width} mm, {columns} columns,"
        " {count} bytes).",
    ),
    "sync.pushed": Nn_("pushed {count} order:", "pushed {count} orders:"),
    "sync.push.done": Nn_("{count} done", "{count} done"),
    "sync.push.needs_staff": Nn_("{count} needs staff", "{count} need staff"),
    "sync.conflicts": Nn_("{count} conflict", "{count} conflicts"),
    "sync.push.failed": Nn_("{count} failed", "{count} failed"),
    "sync.push.captured": Nn_("{count} payment captured", "{count} payments captured"),
    "sync.push.shipped": Nn_("{count} order marked collected", "{count} orders marked collected"),
    "sync.push.walk_ins": Nn_("{count} walk-in sale listed", "{count} walk-in sales listed"),
    "sync.pulled": Nn_("{how} {fetched} of {count} order:", "{how} {fetched} of {count} orders:"),
    "sync.pull.new": Nn_("{count} new", "{count} new"),
    "sync.pull.updated": Nn_("{count} updated", "{count} updated"),
    "sync.pull.cancelled": Nn_("{count} cancelled", "{count} cancelled"),
    "sync.pull.skipped": Nn_("{count} skipped", "{count} skipped"),
    "sync.pull.customers": Nn_("{count} customer", "{count} customers"),
    "sync.pull.producers": Nn_("{count} producer", "{count} producers"),
    "sync.waiting": Nn_("{count} order waiting to push", "{count} orders waiting to push"),
    "sync.staff_open": Nn_("{count} staff action open", "{count} staff actions open"),
    "sync.more": Nn_(
        "  … and {count} more (see the reconciliation screen)",
        "  … and {count} more (see the reconciliation screen)",
    ),
    "sync.not_pushed": Nn_(
        "{count} order could not be pushed ({reason}); run sync again.",
        "{count} orders could not be pushed ({reason}); run sync again.",
    ),
}

# Staff actions (the reconcile to-do list, written by sync), stored as kind + code +
# parameters; ``then`` (a phrase) follows the sentence when given.
STAFF: dict[str, str] = {
    "staff.not_in_ofn": N_(
        "Order {number} was collected at the till but OFN has no such order any more: check it"
        " with the hub."
    ),
    "staff.unreadable": N_("Order {number}: check it in OFN. {problem}"),
    "staff.cancelled_in_ofn": N_("Order {number} was cancelled in OFN, but the till collected it."),
    "staff.changed_in_ofn": N_(
        "Order {number} was changed in OFN (total {before} → {after}) after the till downloaded it."
    ),
    "staff.kept_cancelled": N_(
        "Order {number} is cancelled in OFN but was collected at the till ({receipt}); staff"
        " kept the till's version: sort it out in OFN."
    ),
    "staff.late_email": N_(
        "Order {number} was marked shipped in OFN {age} after it was collected ({receipt}):"
        " OFN emailed the customer that it was picked up only now."
    ),
    "staff.ship_when_paid": N_(
        "Order {number} was collected at the till ({receipt}) but OFN only marks paid orders"
        " as collected: mark it shipped in the OFN admin once it is paid."
    ),
    "staff.not_shipped": N_(
        "Order {number} was collected at the till ({receipt}) but OFN did not ship it"
        " (shipment state {state}): mark it shipped in the OFN admin once it is paid."
    ),
    "staff.reversed_but_shipped": N_(
        "Order {number} is marked collected in OFN but its collection was reversed at the"
        " till: correct it in the OFN admin."
    ),
    "staff.refund_captured": N_(
        "Order {number}: the till refunded the customer, but OFN still has the {payment}"
        " payment the till recorded: refund or void it in OFN."
    ),
    "staff.enter_payment": N_(
        "Order {number}: the till took {paid} by {label} ({receipt}); enter this payment in OFN."
    ),
    "staff.left_owing": N_(
        "Order {number} was handed over with {owing} unpaid ({receipt}); OFN still shows it owing."
    ),
    "staff.credit": N_(
        "Order {number}: the customer is owed {owed} ({receipt}); refund or credit it in OFN."
    ),
    "staff.credit_short": N_(
        "Order {number}: the customer is owed {owed} (items short or missing: {short})"
        " ({receipt}); refund or credit it in OFN."
    ),
    "staff.pending_payment": N_(
        "Order {number}: OFN still holds a pending {pending} payment by “{ofn_method}”, which"
        " Sync settings do not declare paid at the pickup point, so sync did not take it. If it"
        " is a card payment authorised online, capturing it would charge the customer again"
        " after they paid at the till ({receipt}): void it in OFN."
    ),
    "journal.double_handover": N_(
        "Receipts {local} and {remote} (till {till}): order {number} was handed over twice"
        " while the tills were out of touch. Find out which bag the customer has, then undo"
        " the other hand-over."
    ),
    "staff.walk_in": N_(
        "Walk-in sale {receipt}: {items}; paid {paid}. OFN has no walk-in sales: record it in"
        " the hub's accounts."
    ),
    "staff.walk_in_undone": N_(
        "Walk-in sale {original} was undone at the till ({receipt}, {refunded} refunded):"
        " correct the hub's accounts."
    ),
}

_ALL = {**ERRORS, **PHRASES, **STAFF}


Phrase = dict[str, Any]  # {"code": ..., "params": {...}}: a message inside a message


def money(minor: int, currency: str) -> dict[str, Any]:
    """An amount as a parameter: formatted for the reader's locale when worded."""
    return {"minor": int(minor), "currency": str(currency)}


def phrase(code: str, /, **params: Any) -> Phrase:
    """A coded message as a parameter of another (worded in the same language)."""
    return {"code": code, "params": params}


def english(value: Any) -> str:
    """A parameter (phrase, amount, text) as English, for the log."""
    return _shown(value, SOURCE, LOCALES[SOURCE])


def _shown(value: Any, language: str, locale: str) -> str:
    if isinstance(value, Mapping) and set(value) == {"minor", "currency"}:
        from pos.domain.money import format_money

        return format_money(int(value["minor"]), str(value["currency"]), locale)
    if isinstance(value, Mapping) and set(value) == {"code", "params"}:
        return word(str(value["code"]), value["params"], language, locale=locale)
    if isinstance(value, list):  # several of a kind: "£4.50 cash, £2.00 card"
        return ", ".join(_shown(v, language, locale) for v in value)
    return str(value)


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    # pos.resources raises coded errors itself (pos.errors imports this module): late import
    from pos import resources

    return resources.gettext_catalogue("foodhub", language)


def placeholders(template: str) -> set[str]:
    """The ``{name}`` fields of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def word(code: str, params: Mapping[str, Any], language: str, *, locale: str | None = None) -> str:
    """The sentence for ``code`` in ``language`` (``locale`` formats amounts; else the
    language's usual one). An unknown code is a sentence from before codes: shown as is.
    A plural code (:data:`PLURALS`) takes the form its ``count`` parameter needs."""
    forms = PLURALS.get(code)
    template = _ALL.get(code)
    if template is None and forms is None:
        return code
    language = pick(language)
    locale = locale or LOCALES[language]
    shown = {k: _shown(v, language, locale) for k, v in params.items()}
    if forms is not None:
        count = int(params.get("count", 0))
        template = forms[0] if count == 1 else forms[1]
        text = (
            template
            if language == SOURCE
            else _catalogue(language).ngettext(forms[0], forms[1], count)
        )
    else:
        assert template is not None
        text = template if language == SOURCE else _catalogue(language).gettext(template)
    try:
        return text.format(**shown)
    except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
        return template.format_map(_Missing(shown))


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def word_error(error: BaseException, language: str, *, locale: str | None = None) -> str:
    """A known error's sentence in ``language``; ``str(error)`` for any other exception."""
    code = getattr(error, "code", None)
    params = getattr(error, "params", None)
    if isinstance(code, str) and isinstance(params, Mapping):
        return word(code, params, language, locale=locale)
    return str(error)


def word_staff(
    code: str, params: Mapping[str, Any], stored: str, language: str, *, locale: str | None = None
) -> str:
    """A staff action in ``language``: its code worded, then what follows it (``then``, a
    phrase); a row stored before codes (no known code) is shown as ``stored``."""
    if code not in STAFF:
        return stored
    text = word(code, params, language, locale=locale)
    then = params.get("then")
    if then:
        text += " " + _shown(then, pick(language), locale or LOCALES[pick(language)])
    return text


class Said(str):
    """A sentence made in the core for a report (a skipped order's reason, a conflict): it
    reads as its English text (logs, summaries kept as JSON, ``in`` tests) and keeps its
    code and parameters, so whoever shows it words it for its reader (:func:`word_said`)."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> Said:
        english_text = word_staff(code, params, code, SOURCE) if code in STAFF else None
        said = super().__new__(cls, english_text or word(code, params, SOURCE))
        said.code, said.params = code, params
        return said

    def __reduce__(self) -> tuple[Any, ...]:
        return (_said, (self.code, self.params))


def _said(code: str, params: dict[str, Any]) -> Said:
    return Said(code, **params)


def said(code: str, /, **params: Any) -> Said:
    """A coded sentence for a report (see :class:`Said`)."""
    return Said(code, **params)


def said_error(error: BaseException) -> str:
    """A known error as a :class:`Said`; any other exception as its text."""
    code, params = getattr(error, "code", None), getattr(error, "params", None)
    if isinstance(code, str) and code in _ALL and isinstance(params, Mapping):
        return Said(code, **params)
    return str(error)


def phrase_of(error: BaseException) -> Phrase | str:
    """A known error as a parameter of another sentence (worded in its language)."""
    code, params = getattr(error, "code", None), getattr(error, "params", None)
    if isinstance(code, str) and code in _ALL and isinstance(params, Mapping):
        return phrase(code, **params)
    return str(error)


def word_said(text: str, language: str, *, locale: str | None = None) -> str:
    """A report's sentence in ``language``: a :class:`Said` worded, any other text as it is."""
    if not isinstance(text, Said):
        return str(text)
    if text.code in STAFF:
        return word_staff(text.code, text.params, str(text), language, locale=locale)
    return word(text.code, text.params, language, locale=locale)


def stored_params(text: str | None) -> dict[str, Any]:
    """Parameters stored as JSON; {} for anything unreadable (shown with what is there)."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def stored(error: BaseException | Mapping[str, Any] | str) -> str:
    """An error as kept in the database (``outbox.last_error``, ``print_jobs.last_error``):
    its code and parameters as JSON, worded when shown (:func:`word_stored`). A coded staff
    action (``{"code": ..., "params": ...}``) is kept the same way; anything without a known
    code is kept as its text."""
    if isinstance(error, Mapping):
        code, params = error.get("code"), error.get("params")
    elif isinstance(error, BaseException):
        code, params = getattr(error, "code", None), getattr(error, "params", None)
    else:
        return error
    if not isinstance(code, str) or code not in _ALL or not isinstance(params, Mapping):
        return str(error)
    return json.dumps(
        {"code": code, "params": {k: _storable(v) for k, v in params.items()}},
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )


def _storable(value: Any) -> Any:
    """A parameter as JSON keeps it (a Path as text; a long text, such as OFN's reply, cut)."""
    if isinstance(value, str):
        return value[:300]
    if isinstance(value, int | float | bool | Mapping | list) or value is None:
        return value
    return str(value)[:300]


def word_stored(text: str, language: str, *, locale: str | None = None) -> str:
    """An error kept by :func:`stored`, in ``language``; a row from before codes (an
    English sentence) or any text that is not a stored code is shown as it is."""
    if not text.startswith("{"):
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if not isinstance(value, dict):
        return text
    code, params = value.get("code"), value.get("params")
    if not isinstance(code, str) or code not in _ALL or not isinstance(params, dict):
        return text
    if code in STAFF:
        return word_staff(code, params, text, language, locale=locale)
    return word(code, params, language, locale=locale)


def for_log(error: BaseException) -> str:
    """The English sentence with the code and parameters, for the log:
    ``The till is already open. [till.already_open]``."""
    code = getattr(error, "code", None)
    if not isinstance(code, str) or code not in _ALL:
        return str(error)
    params = getattr(error, "params", None) or {}
    shown = "".join(f" {k}={english(v)!r}" for k, v in params.items())
    return f"{error} [{code}{shown}]"
