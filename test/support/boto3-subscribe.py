"""boto3's subscribe_to_shard over HTTP against a kinesim server, as a Python consumer would call it:
reads the stream of shard argv[3] of consumer argv[2] at endpoint argv[1] from TRIM_HORIZON to its end, then
subscribes again at once and reports the ResourceInUseException. Prints JSON: each event (records as
[sequence number, data as a list of bytes, partition key]) and the error."""
import json
import sys

import boto3

endpoint, consumer_arn, shard_id = sys.argv[1:4]
client = boto3.client('kinesis', endpoint_url=endpoint, region_name='us-east-1',
                      aws_access_key_id='AKIDKINESIM', aws_secret_access_key='kinesim')
position = {'Type': 'TRIM_HORIZON'}
response = client.subscribe_to_shard(ConsumerARN=consumer_arn, ShardId=shard_id, StartingPosition=position)
events = []
for event in response['EventStream']:
    e = event['SubscribeToShardEvent']
    events.append({
        'records': [[r['SequenceNumber'], list(r['Data']), r['PartitionKey']] for r in e['Records']],
        'continuation': e.get('ContinuationSequenceNumber'),
        'millisBehindLatest': e['MillisBehindLatest'],
        'childShards': [c['ShardId'] for c in e.get('ChildShards', [])],
    })
try:
    client.subscribe_to_shard(ConsumerARN=consumer_arn, ShardId=shard_id, StartingPosition=position)
    error = None
except client.exceptions.ResourceInUseException as e:
    error = e.response['Error']
print(json.dumps({'status': response['ResponseMetadata']['HTTPStatusCode'], 'events': events, 'error': error}))
