# A real SMTP server for NotifyDeliveryTest (Debian's python3-aiosmtpd): one controller per server given, each
# speaking STARTTLS (required) or implicit TLS, then requiring AUTH as "alerts" with the password of argv[2]; or
# "plain" (a loopback relay: no TLS, no AUTH) or "nostarttls" (offers neither STARTTLS nor AUTH). Every mail is written
# to argv[1] as NAME-N.eml before the server answers 250, so the test reads it as soon as the client's send returns;
# every MAIL FROM a server takes is noted in NAME-mail.log first, so a test sees whether anything came in clear.
# Arguments: OUT_DIR PASSWORD_FILE then NAME CERT KEY starttls|tls|plain|nostarttls for each server (CERT and KEY are
# "-" for plain and nostarttls). Each server takes a free port of its own; prints "ready NAME=PORT ...", runs until
# stdin closes.
import os
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

out, password_file = sys.argv[1], sys.argv[2]
with open(password_file, 'rb') as f:
    password = f.read().strip()


class Keep:
    def __init__(self, name):
        self.name = name
        self.count = 0

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        with open(os.path.join(out, '%s-mail.log' % self.name), 'a') as f:
            f.write('MAIL FROM:%s tls=%s\n' % (address, session.ssl is not None))
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(out, '%s-%d.eml' % (self.name, self.count))
        with open(path + '.tmp', 'wb') as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + '.tmp', path)
        return '250 OK kept'


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b'alerts' and auth_data.password == password
    return AuthResult(success=ok)


def free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


def started(make):
    # a free port can be taken by another process before we bind it (the machine is shared): take the next one
    for attempt in range(20):
        port = free_port()
        controller = make(port)
        try:
            controller.start()
            return controller, port
        except OSError:
            if attempt == 19:
                raise


controllers = []
ports = []
arguments = sys.argv[3:]
for i in range(0, len(arguments), 4):
    name, cert, key, mode = arguments[i:i + 4]
    if mode in ('plain', 'nostarttls'):
        make = lambda port, name=name: Controller(Keep(name), hostname='127.0.0.1', port=port, auth_required=False)
    else:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        if mode == 'tls':
            # the whole connection is TLS: aiosmtpd's "AUTH after STARTTLS only" does not apply
            make = lambda port, name=name, context=context: Controller(
                Keep(name), hostname='127.0.0.1', port=port, ssl_context=context, authenticator=authenticate,
                auth_required=True, auth_require_tls=False)
        else:
            make = lambda port, name=name, context=context: Controller(
                Keep(name), hostname='127.0.0.1', port=port, tls_context=context, require_starttls=True,
                authenticator=authenticate, auth_required=True)
    controller, port = started(make)
    controllers.append(controller)
    ports.append('%s=%d' % (name, port))
print('ready ' + ' '.join(ports), flush=True)
sys.stdin.read()
for controller in controllers:
    controller.stop()
