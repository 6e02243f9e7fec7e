<?php
// The PHP peer of ./callbook bench peers: the predecessor's number resolution at its best. One Redis GET per lookup
// over the worker's persistent connection, the answer stored ready as JSON (PeerAnswers writes it); no token check and
// no number parsing, a regex for what cannot be a number. {{...}} are filled in by PeerServers.
$redis = new Redis();
$redis->pconnect('127.0.0.1', {{redis_port}});

header('Content-Type: application/json');
$number = $_GET['number'] ?? '';
$region = $_GET['region'] ?? '';
if ($region === '' && !preg_match('/^\+[1-9][0-9]{6,14}$/', $number)) {
    http_response_code(422);
    echo '{"status":422,"title":"Not a phone number"}';
    return;
}
$answer = $redis->get($region === '' ? 'resolve:' . $number : 'resolve:' . strtoupper($region) . ':' . $number);
if ($answer === false) {
    http_response_code(404);
    echo '{"status":404,"title":"No company answers this number"}';
    return;
}
echo $answer;
