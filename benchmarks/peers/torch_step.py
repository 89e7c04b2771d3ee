"""Peer for NeuralStepBenchmark: one full-batch AdamW training step of Nanda et al. 2023's grokking model in plain
PyTorch (the system python3 with Debian's python3-torch), same shapes, same loss, same optimizer settings as
alignlab's HookedTransformer + Trainer; and a float32 matmul of the same size as the benchmark's, for the peak.

Model: (a + b) mod p, p = 113, inputs "a b =", one layer, d_model 128, 4 heads of 32, d_mlp 512, ReLU, no LayerNorm,
causal attention, logits at all three positions and the loss on the last; 30% of the 12,769 pairs (3,831) as one
batch; AdamW lr 1e-3, betas (0.9, 0.98), weight decay 1.0.

Prints one line: key=value pairs (ms per step, ms per matmul, loss).
"""
import argparse
import math
import time

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--matmul", type=int, default=1024, help="size n of the n x n @ n x n float32 matmul")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    p, d, h, k, mlp = 113, 128, 4, 32, 512
    vocab = p + 1
    g = torch.Generator().manual_seed(0)
    perm = torch.randperm(p * p, generator=g)[: round(0.3 * p * p)]
    x = torch.stack([perm // p, perm % p, torch.full_like(perm, p)], dim=1)
    y = (perm // p + perm % p) % p
    n = x.shape[0]

    def normal(*shape, std):
        return (torch.randn(*shape) * std).requires_grad_()

    def zeros(*shape):
        return torch.zeros(*shape).requires_grad_()

    s = 1 / math.sqrt(d)
    params = dict(W_E=normal(vocab, d, std=s), W_pos=normal(3, d, std=s),
                  W_Q=normal(h, d, k, std=s), W_K=normal(h, d, k, std=s), W_V=normal(h, d, k, std=s),
                  W_O=normal(h, k, d, std=s), b_Q=zeros(h, k), b_K=zeros(h, k), b_V=zeros(h, k), b_O=zeros(d),
                  W_in=normal(d, mlp, std=s), b_in=zeros(mlp), W_out=normal(mlp, d, std=s), b_out=zeros(d),
                  W_U=normal(d, vocab, std=1 / math.sqrt(vocab)), b_U=zeros(vocab))
    mask = torch.triu(torch.full((3, 3), float("-inf")), diagonal=1)

    def forward(P):
        resid = P["W_E"][x] + P["W_pos"][:3]

        def proj(w, b):
            return (resid @ w.transpose(0, 1).reshape(d, h * k)).reshape(n, 3, h, k) + b

        q, kk, v = proj(P["W_Q"], P["b_Q"]), proj(P["W_K"], P["b_K"]), proj(P["W_V"], P["b_V"])
        scores = q.transpose(1, 2) @ kk.permute(0, 2, 3, 1) / math.sqrt(k) + mask
        z = (scores.softmax(-1) @ v.transpose(1, 2)).transpose(1, 2)
        resid = resid + z.reshape(n, 3, h * k) @ P["W_O"].reshape(h * k, d) + P["b_O"]
        resid = resid + torch.relu(resid @ P["W_in"] + P["b_in"]) @ P["W_out"] + P["b_out"]
        return resid @ P["W_U"] + P["b_U"]

    opt = torch.optim.AdamW(params.values(), lr=1e-3, betas=(0.9, 0.98), weight_decay=1.0)

    def step():
        loss = torch.nn.functional.cross_entropy(forward(params)[:, -1, :], y)
        loss.backward()
        opt.step()
        opt.zero_grad()
        return loss.item()

    for _ in range(a.warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(a.steps):
        loss = step()
    step_ms = (time.perf_counter() - t0) * 1e3 / a.steps

    m = a.matmul
    A, B = torch.randn(m, m), torch.randn(m, m)
    for _ in range(3):
        A @ B
    reps = 20
    t0 = time.perf_counter()
    for _ in range(reps):
        A @ B
    mm_ms = (time.perf_counter() - t0) * 1e3 / reps
    print(f"torch={torch.__version__} threads={a.threads} batch={n} step_ms={step_ms:.3f} "
          f"matmul{m}_ms={mm_ms:.3f} loss={loss:.4f}")


if __name__ == "__main__":
    main()
