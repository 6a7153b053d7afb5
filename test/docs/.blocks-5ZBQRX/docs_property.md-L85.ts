test.prop([w], { seed: -665660803, path: '9:0:3:1:0:1:4:0:1:0:0:1:0:1:0:1', endOnFailure: true })(…)
