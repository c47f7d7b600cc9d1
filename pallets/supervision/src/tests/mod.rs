mod answers;
mod cases;
mod freezes;
mod measures;
mod queries;
mod repair;
