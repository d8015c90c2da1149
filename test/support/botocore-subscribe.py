"""Reads a SubscribeToShard response body (event-stream bytes, from the file named by argv[1]) with botocore's
own JSON parser and EventStream, in chunks of argv[2] bytes, and prints what a boto3 caller would see as JSON:
the initial response's other members, then each event or the error that ended the stream."""
import base64
import json
import sys

import botocore.parsers
import botocore.session
from botocore.eventstream import EventStreamError


class RawStream:
    """What botocore's EventStream reads: a body with stream() and close(), here over bytes in memory."""

    def __init__(self, data, chunk):
        self.data = data
        self.chunk = chunk

    def stream(self):
        for at in range(0, len(self.data), self.chunk):
            yield self.data[at:at + self.chunk]

    def close(self):
        pass


def record(r):
    return {
        'SequenceNumber': r['SequenceNumber'],
        'ApproximateArrivalTimestampMs': round(r['ApproximateArrivalTimestamp'].timestamp() * 1000),
        'Data': base64.b64encode(r['Data']).decode('ascii'),
        'PartitionKey': r['PartitionKey'],
    }


def main():
    model = botocore.session.get_session().get_service_model('kinesis')
    operation = model.operation_model('SubscribeToShard')
    parser = botocore.parsers.create_parser('json')
    with open(sys.argv[1], 'rb') as f:
        body = RawStream(f.read(), int(sys.argv[2]))
    response = {
        'status_code': 200,
        'headers': {'content-type': 'application/vnd.amazon.eventstream'},
        'body': body,
        'context': {'operation_name': 'SubscribeToShard'},
    }
    parsed = parser.parse(response, operation.output_shape)
    out = [{'initial': sorted(k for k in parsed if k not in ('EventStream', 'ResponseMetadata'))}]
    try:
        for event in parsed['EventStream']:
            e = dict(event['SubscribeToShardEvent'])
            e['Records'] = [record(r) for r in e['Records']]
            out.append({'event': e})
    except EventStreamError as error:
        out.append({'error': {'code': error.response['Error']['Code'], 'message': error.response['Error']['Message']}})
    print(json.dumps(out))


main()
